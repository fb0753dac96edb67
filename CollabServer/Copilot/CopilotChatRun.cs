namespace Collab.Server.Copilot;

/// <summary>One copilot reply being streamed into chat: who asked, which message, and how to stop it.</summary>
public sealed class CopilotChatRun(string projectId, long questionId, string asker, CancellationTokenSource stop)
{
    public string ProjectId { get; } = projectId;
    public long QuestionId { get; } = questionId;
    public string Asker { get; } = asker;
    public CancellationTokenSource Stop { get; } = stop;

    /// <summary>The reply message, once it is created.</summary>
    public long? ReplyId { get; set; }

    /// <summary>Who stopped it, for the note left in the reply.</summary>
    public string? StoppedBy { get; set; }
}
