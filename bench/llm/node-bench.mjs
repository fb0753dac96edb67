// Single-sequence figures through node-llama-cpp 3.22.1 on the same CUDA libraries and the
// same model file as Collab's bench, for the ratio that bench/llm/run.sh prints.
//
//   BENCH_THREADS=8 node node-bench.mjs <model.gguf>
// BENCH_THREADS must match Collab's thread count (run.sh passes both the same number);
// BENCH_GPU=cpu and BENCH_SMALL=1 are the CPU dry run's (run.sh --cpu).
import { getLlama, LlamaLogLevel } from "node-llama-cpp";

const modelPath = process.argv[2];
const small = process.env.BENCH_SMALL === "1";
const cpu = process.env.BENCH_GPU === "cpu";
const threads = Number(process.env.BENCH_THREADS ?? 8);
const PromptTokens = small ? 256 : 2048, GeneratedTokens = small ? 16 : 128;
const llama = await getLlama({ gpu: cpu ? false : "cuda", build: "never", logLevel: LlamaLogLevel.warn });
const model = await llama.loadModel({ modelPath, gpuLayers: cpu ? 0 : "max" });
const context = await model.createContext({ contextSize: small ? 512 : 4096, sequences: 1, batchSize: 2048, threads });
const sequence = context.getSequence();
const greedy = { temperature: 0 };

const words = ["cluster", "GPU", "notebook", "quota", "kernel", "tensor", "scheduler", "volume", "node", "batch"];
let text = "";
for (let i = 0; model.tokenize(text).length < PromptTokens; i++) text += words[i % words.length] + " ";
const prompt = model.tokenize(text).slice(0, PromptTokens);

// Warm-up, then prompt processing of the long prompt.
await sequence.evaluateWithoutGeneratingNewTokens(model.tokenize("warm up"));
await sequence.clearHistory();
let start = performance.now();
await sequence.evaluateWithoutGeneratingNewTokens(prompt);
const pp = prompt.length / ((performance.now() - start) / 1000);
await sequence.clearHistory();

// Short prompt: time to first token, then generation speed over the following tokens.
start = performance.now();
let first = null, count = 0;
for await (const token of sequence.evaluate(model.tokenize("Write about GPUs."), greedy)) {
  if (first === null) first = performance.now();
  if (++count >= GeneratedTokens) break;
}
const end = performance.now();
const ttft = first - start;
const tg = (count - 1) / ((end - first) / 1000);

console.log(`node-llama-cpp prompt processing (${prompt.length} tokens): ${pp.toFixed(1)} tok/s`);
console.log(`node-llama-cpp generation (1 sequence): ${tg.toFixed(1)} tok/s`);
console.log(`node-llama-cpp time to first token: ${ttft.toFixed(1)} ms`);
console.log("JSON " + JSON.stringify({ pp, tg, ttft_ms: ttft }));
await context.dispose();
await model.dispose();
await llama.dispose();
