using System.Collections.Concurrent;

namespace Collab.Server.Copilot;

/// <summary>The copilot replies streaming in chat on this replica, by question, so they can be stopped or retried.</summary>
public sealed class CopilotChatRuns
{
    private readonly ConcurrentDictionary<(string Project, long Question), CopilotChatRun> _runs = new();

    /// <summary>Registers a new run for a question, stopping any earlier one for it (a retry replaces it).</summary>
    public CopilotChatRun Start(string projectId, long questionId, string asker, CancellationToken appStopping)
    {
        var run = new CopilotChatRun(projectId, questionId, asker, CancellationTokenSource.CreateLinkedTokenSource(appStopping));
        _runs.AddOrUpdate((projectId, questionId), run, (_, previous) =>
        {
            previous.StoppedBy ??= asker;
            previous.Stop.Cancel();
            return run;
        });
        return run;
    }

    public void End(CopilotChatRun run)
    {
        _runs.TryRemove(new KeyValuePair<(string, long), CopilotChatRun>((run.ProjectId, run.QuestionId), run));
        run.Stop.Dispose();
    }

    /// <summary>The run whose reply is <paramref name="replyId"/>, if it is still streaming here.</summary>
    public CopilotChatRun? FindByReply(string projectId, long replyId) =>
        _runs.Values.FirstOrDefault(r => r.ProjectId == projectId && r.ReplyId == replyId);
}
