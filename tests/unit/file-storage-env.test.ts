// The file storage settings (lib/env.ts): the upload directory unless all four S3 variables
// are set; some of them alone is refused with a message naming what is set and what is not.
import path from "node:path";
import { env, fileStorageEnv } from "../../lib/env";

const s3 = {
  S3_ENDPOINT: "http://127.0.0.1:9000",
  S3_BUCKET: "crm-files",
  S3_ACCESS_KEY_ID: "minio",
  S3_SECRET_ACCESS_KEY: "minio-secret-key",
};

describe("file storage settings", () => {
  it("without S3 variables: UPLOAD_DIR, else DATA_DIR/uploads", () => {
    expect(fileStorageEnv({})).toEqual({ uploadDir: path.resolve(".data/uploads"), s3: null });
    expect(fileStorageEnv({ DATA_DIR: "/srv/crm" })).toEqual({ uploadDir: "/srv/crm/uploads", s3: null });
    expect(fileStorageEnv({ DATA_DIR: "/srv/crm", UPLOAD_DIR: "/mnt/files" }).uploadDir).toBe("/mnt/files");
    // Blank values (an empty line of a unit or compose file) count as unset.
    expect(fileStorageEnv({ S3_ENDPOINT: "", S3_BUCKET: " ", S3_REGION: "" }).s3).toBeNull();
  });

  it("with all four: the bucket, region us-east-1 and host-style addressing unless told", () => {
    expect(fileStorageEnv(s3).s3).toEqual({
      endpoint: "http://127.0.0.1:9000",
      bucket: "crm-files",
      accessKeyId: "minio",
      secretAccessKey: "minio-secret-key",
      region: "us-east-1",
      forcePathStyle: false,
    });
    expect(fileStorageEnv({ ...s3, S3_REGION: "cn-north-1", S3_FORCE_PATH_STYLE: "true" }).s3).toMatchObject({
      region: "cn-north-1",
      forcePathStyle: true,
    });
    expect(fileStorageEnv({ ...s3, S3_FORCE_PATH_STYLE: "0" }).s3?.forcePathStyle).toBe(false);
  });

  it("refuses some S3 variables without the others, naming what is set and what is missing, never a value", () => {
    const refusal = (source: Record<string, string>) => {
      try {
        fileStorageEnv(source);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error("accepted");
    };
    const m = refusal({ S3_ENDPOINT: s3.S3_ENDPOINT, S3_ACCESS_KEY_ID: "minio", S3_SECRET_ACCESS_KEY: "top-secret" });
    expect(m).toContain("Invalid environment");
    expect(m).toContain(
      "S3 storage needs all of S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are set, S3_BUCKET is not",
    );
    expect(m).not.toContain("top-secret");
    expect(refusal({ S3_REGION: "cn-north-1" })).toContain(
      "S3_REGION is set, S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are not",
    );
    expect(refusal({ S3_BUCKET: "crm-files" })).toContain("UPLOAD_DIR");
  });

  it("refuses an endpoint that is not an http(s) URL, a bad bucket name and a bad path-style flag", () => {
    expect(() => fileStorageEnv({ ...s3, S3_ENDPOINT: "127.0.0.1:9000" })).toThrow(
      "S3_ENDPOINT must be an http:// or https:// URL",
    );
    expect(() => fileStorageEnv({ ...s3, S3_BUCKET: "crm/files" })).toThrow("S3_BUCKET must be a bucket name");
    expect(() => fileStorageEnv({ ...s3, S3_FORCE_PATH_STYLE: "yes" })).toThrow(
      "S3_FORCE_PATH_STYLE must be true or false",
    );
  });

  it("the app's settings are refused the same way", () => {
    const keep = { ...process.env };
    try {
      Object.assign(process.env, {
        DATABASE_URL: "postgresql://localhost/x",
        NEXTAUTH_SECRET: "0123456789abcdef0123",
        S3_BUCKET: "crm-files",
      });
      expect(() => env()).toThrow("S3 storage needs all of");
      Object.assign(process.env, s3);
      expect(env().S3_BUCKET).toBe("crm-files");
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in keep)) delete process.env[k];
      Object.assign(process.env, keep);
    }
  });
});
