using Collab.Indexer.Evaluation;
using Collab.Indexer.Tests.Support;

namespace Collab.Indexer.Tests.Evaluation;

/// <summary>
/// The retrieval question sets: <c>dev</c> is the eval corpus's own; the others live in
/// <c>Evaluation/Questions/</c> (<c>en</c>, <c>cs</c>… tuned against; <c>heldout-*</c> written in forum and
/// issue-tracker style and only measured).
/// </summary>
public static class QuestionSets
{
    public static IReadOnlyList<EvalQuestion> Load(string set) => EvalQuestion.ReadJsonLines(set == "dev"
        ? Path.Combine(RepositoryPaths.EvalCorpus, "dev-questions.jsonl")
        : Path.Combine(AppContext.BaseDirectory, "Evaluation", "Questions", $"{set}.jsonl"));
}
