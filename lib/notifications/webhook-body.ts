// What a group robot receives (pure). 企业微信: {"msgtype": "markdown", "markdown": {"content"}};
// 钉钉: {"msgtype": "markdown", "markdown": {"title", "text"}}. The markdown: the event's
// sentence in bold, the project with an absolute link, then the key facts, in Chinese (the
// bureau's language). 钉钉's 加签: sign = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)),
// appended to the URL as &timestamp=…&sign=… at the moment of sending.
import crypto from "node:crypto";

export type RobotKind = "WECOM" | "DINGTALK";

export type RobotMessage = {
  /** The event's sentence (the bold title). */
  title: string;
  /** The project's name, when the event is about one. */
  projectName?: string | null;
  /** Absolute link to the page of the event. */
  link?: string | null;
  /** Key facts as label and value, in order. */
  facts?: readonly (readonly [string, string])[];
};

// 企业微信 refuses markdown content over 4096 bytes; 钉钉's limit is larger. Keep well inside.
const MAX_BYTES = 3800;

/** Text that cannot break the markdown around it: no line breaks, no link brackets. */
const inline = (s: string) =>
  s
    .replace(/[\r\n]+/g, " ")
    .replace(/\[/g, "［")
    .replace(/\]/g, "］")
    .trim();

function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = text;
  while (Buffer.byteLength(out) > max - 3) out = out.slice(0, -16);
  return `${out}…`;
}

export function robotMarkdown(m: RobotMessage, labels: { project: string; details: string }): string {
  const lines = [`**${inline(m.title)}**`, ""];
  const link =
    m.link && /^https?:\/\//.test(m.link)
      ? m.link.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)
      : null;
  if (m.projectName)
    lines.push(`> ${labels.project}：${link ? `[${inline(m.projectName)}](${link})` : inline(m.projectName)}`);
  for (const [label, value] of m.facts ?? []) if (value) lines.push(`> ${inline(label)}：${inline(value)}`);
  if (link && !m.projectName) lines.push("", `[${labels.details}](${link})`);
  return truncateBytes(lines.join("\n"), MAX_BYTES);
}

export function robotBody(kind: RobotKind, title: string, markdown: string) {
  return kind === "WECOM"
    ? { msgtype: "markdown", markdown: { content: markdown } }
    : { msgtype: "markdown", markdown: { title: inline(title).slice(0, 64), text: markdown } };
}

export function dingtalkSign(secret: string, timestamp: number): string {
  return crypto.createHmac("sha256", secret).update(`${timestamp}\n${secret}`, "utf8").digest("base64");
}

/** The 钉钉 URL with its signature (URL-encoded) for this moment. */
export function dingtalkSignedUrl(url: string, secret: string, timestamp: number): string {
  const sign = encodeURIComponent(dingtalkSign(secret, timestamp));
  return `${url}${url.includes("?") ? "&" : "?"}timestamp=${timestamp}&sign=${sign}`;
}
