namespace Collab.Indexer.Evaluation;

/// <summary>What both retrievers returned for one question, and our median latency on it.</summary>
public sealed record QuestionOutcome(EvalQuestion Question, IReadOnlyList<string> Ranked, IReadOnlyList<string> BaselineRanked, double Milliseconds);
