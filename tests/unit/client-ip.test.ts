import { clientAddress, requestAddress } from "../../lib/security/client-ip";

describe("the client address", () => {
  it("is the socket's peer when the app faces clients (a forged X-Forwarded-For is ignored)", () => {
    expect(clientAddress("203.0.113.7", "1.2.3.4", 0)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7", undefined, 0)).toBe("203.0.113.7");
  });

  it("behind one trusted proxy, is the address that proxy saw", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.9", 1)).toBe("198.51.100.9");
    // A client that sends its own header cannot push its choice past the trusted hop.
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.9", 1)).toBe("198.51.100.9");
  });

  it("behind two proxies, skips both", () => {
    expect(clientAddress("10.0.0.3", "198.51.100.9, 10.0.0.2", 2)).toBe("198.51.100.9");
    // More trusted hops than the chain has: the outermost address.
    expect(clientAddress("10.0.0.3", "198.51.100.9", 5)).toBe("198.51.100.9");
  });

  it("reads what the server set", () => {
    expect(requestAddress(new Headers({ "x-forwarded-for": "198.51.100.9" }))).toBe("198.51.100.9");
    expect(requestAddress({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(requestAddress(new Headers())).toBeNull();
  });
});
