// Talks to Collab's OpenAI-compatible endpoint with the official `openai` npm package and
// prints one JSON line of what it got; Collab.Copilot.Runtime.Tests checks the figures.
//
//   node llm-openai-client.mjs http://127.0.0.1:PORT/v1 MODEL
import OpenAI from "openai";

const [baseURL, model] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey: "unused", maxRetries: 0 });
const messages = [
  { role: "system", content: "You are the Collab copilot." },
  { role: "user", content: "How do I request a GPU?" },
];
const sampling = { model, messages, seed: 42, temperature: 0.9, max_tokens: 16 };

const whole = await client.chat.completions.create(sampling);

let streamed = "";
let chunks = 0;
let usage = null;
let finish = null;
const stream = await client.chat.completions.create({ ...sampling, stream: true, stream_options: { include_usage: true } });
for await (const chunk of stream) {
  if (chunk.usage) usage = chunk.usage;
  const choice = chunk.choices[0];
  if (!choice) continue;
  if (choice.delta?.content) { streamed += choice.delta.content; chunks++; }
  if (choice.finish_reason) finish = choice.finish_reason;
}

// The SDK asks for base64 by default and decodes it; ask for floats as well.
const embeddings = await client.embeddings.create({ model, input: ["GPU quota", "OOMKilled"] });
const floats = await client.embeddings.create({ model, input: "GPU quota", encoding_format: "float" });
const norm = (v) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

let busyStatus = null;
try {
  await client.chat.completions.create({ ...sampling, messages: [{ role: "user", content: "x".repeat(20000) }] });
} catch (error) {
  busyStatus = error.status;
}

const models = [];
for await (const m of client.models.list()) models.push(m.id);
let unknownModel = null;
try {
  await client.chat.completions.create({ ...sampling, model: "gpt-4o" });
} catch (error) {
  unknownModel = { status: error.status, code: error.code };
}

console.log(JSON.stringify({
  text: whole.choices[0].message.content,
  finish: whole.choices[0].finish_reason,
  completionTokens: whole.usage.completion_tokens,
  streamed,
  chunks,
  streamFinish: finish,
  streamUsage: usage?.completion_tokens ?? null,
  embeddingCount: embeddings.data.length,
  dimensions: embeddings.data[0].embedding.length,
  norms: embeddings.data.map((d) => norm(d.embedding)),
  sameAsFloat: Math.abs(floats.data[0].embedding[0] - embeddings.data[0].embedding[0]) < 1e-6,
  tooLongStatus: busyStatus,
  models,
  unknownModel,
}));
