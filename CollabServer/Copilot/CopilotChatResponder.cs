using System.Diagnostics;
using System.Text;
using Collab.Copilot.Assistant;
using Collab.Server.Auth;
using Collab.Server.Chat;
using Collab.Server.Errors;

namespace Collab.Server.Copilot;

/// <summary>
/// Answers <c>@copilot</c> in project chat: the reply is a streamed bot message in the same chat
/// (everyone sees it grow), replying to the question and pointing at the same cell. The asker (or
/// an owner) can stop it; the asker can retry, which replaces a running reply with a new one.
/// Chunks are batched a little so a fast model does not write to the store per token.
/// </summary>
public sealed class CopilotChatResponder(
    ICopilot copilot,
    IChatBotWriter chat,
    BotReplyQueue replies,
    CopilotChatRuns runs,
    CopilotChatAdmission admission,
    IHostApplicationLifetime lifetime,
    ILogger<CopilotChatResponder> logger) : IChatMentionListener
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);
    private const int FlushChars = 400;

    public Task OnBotMentionedAsync(string bot, ChatMessage message, CancellationToken ct) =>
        string.Equals(bot, ChatBots.Copilot, StringComparison.OrdinalIgnoreCase) && !ChatBots.Names.Contains(message.Author)
            ? AnswerAsync(message)
            : Task.CompletedTask;

    /// <summary>
    /// Stops the reply <paramref name="replyId"/>; only its asker or a project owner may. A reply
    /// streaming on another replica (or left by one that is gone) is closed in the store, which
    /// ends its writer at its next chunk. False when the reply is not streaming.
    /// </summary>
    public async Task<bool> StopAsync(string projectId, long replyId, string userId, ProjectRole role, CancellationToken ct)
    {
        var run = runs.FindByReply(projectId, replyId);
        if (run is not null)
        {
            EnsureMayStop(run.Asker, userId, role);
            run.StoppedBy = userId;
            run.Stop.Cancel();
            return true;
        }
        var reply = await chat.GetMessageAsync(projectId, replyId, ct)
            ?? throw new ChatException(ErrorCode.NotFound, $"Message {replyId} not found in this project.");
        if (reply.State != ChatMessageState.Streaming || reply.IsDeleted) return false;
        var question = reply.ReplyTo is { } questionId ? await chat.GetMessageAsync(projectId, questionId, ct) : null;
        EnsureMayStop(question?.Author, userId, role);
        return await CloseQuietlyAsync(projectId, replyId, StoppedNote(userId));
    }

    private static void EnsureMayStop(string? asker, string userId, ProjectRole role)
    {
        if (asker != userId && role != ProjectRole.Owner) throw new ChatException(ErrorCode.Forbidden, "Only the asker or an owner can stop this answer.");
    }

    /// <summary>Answers question <paramref name="questionId"/> again as a new reply; only its author may.</summary>
    public async Task RetryAsync(string projectId, long questionId, string userId, CancellationToken ct)
    {
        var question = await chat.GetMessageAsync(projectId, questionId, ct)
            ?? throw new ChatException(ErrorCode.NotFound, $"Message {questionId} not found in this project.");
        if (question.Author != userId) throw new ChatException(ErrorCode.Forbidden, "Only the asker can retry this question.");
        if (question.IsDeleted) throw new ChatException(ErrorCode.Conflict, "The question was deleted.");
        admission.Acquire(userId);
        // Off the caller's request, as for a mention: the reply streams in chat, not to the caller.
        if (!replies.TryEnqueue(new BotReplyRequest(ChatBots.Copilot, question, this)))
            throw new ChatException(ErrorCode.Unavailable, "Too many bot replies are waiting; retry in a moment.");
    }

    private async Task AnswerAsync(ChatMessage question)
    {
        var run = runs.Start(question.ProjectId, question.Id, question.Author, lifetime.ApplicationStopping);
        long? replyId = null;
        try
        {
            var reply = await chat.StartStreamingMessageAsync(question.ProjectId, ChatBots.Copilot, question.Id, question.Cell, run.Stop.Token);
            replyId = run.ReplyId = reply.Id;
            await StreamAsync(question, reply.Id, run.Stop.Token);
            await chat.CompleteAsync(question.ProjectId, reply.Id, CancellationToken.None);
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested && replyId is { } id)
        {
            await CloseQuietlyAsync(question.ProjectId, id, StoppedNote(run.StoppedBy));
        }
        catch (Exception ex) when (replyId is { } id)
        {
            logger.LogError(ex, "Copilot reply {ReplyId} to message {MessageId} failed", id, question.Id);
            await CloseQuietlyAsync(question.ProjectId, id, "\n\n_The copilot could not finish this answer; retry it._");
        }
        finally
        {
            runs.End(run);
        }
    }

    private async Task StreamAsync(ChatMessage question, long replyId, CancellationToken ct)
    {
        var request = new CopilotRequest(question.ProjectId, question.Author, question.Body, question.Cell?.Notebook, question.Cell?.CellId);
        var pending = new StringBuilder();
        var sinceFlush = Stopwatch.StartNew();
        await foreach (var e in copilot.AskAsync(request, ct))
        {
            pending.Append(CopilotChatRenderer.Render(e));
            if (pending.Length >= FlushChars || sinceFlush.Elapsed >= FlushInterval)
            {
                await FlushAsync(question.ProjectId, replyId, pending, ct);
                sinceFlush.Restart();
            }
        }
        await FlushAsync(question.ProjectId, replyId, pending, ct);
    }

    private async Task FlushAsync(string projectId, long replyId, StringBuilder pending, CancellationToken ct)
    {
        if (pending.Length == 0) return;
        var chunk = pending.ToString();
        pending.Clear();
        await chat.AppendChunkAsync(projectId, replyId, chunk, ct);
    }

    private static string StoppedNote(string? by) => $"\n\n_Stopped{(by is null ? "" : $" by {by}")}._";

    /// <summary>Leaves a note and closes the reply as failed; false when it was already closed or deleted.</summary>
    private async Task<bool> CloseQuietlyAsync(string projectId, long replyId, string note)
    {
        try
        {
            await chat.AppendChunkAsync(projectId, replyId, note, CancellationToken.None);
            await chat.FailAsync(projectId, replyId, CancellationToken.None);
            return true;
        }
        catch (ChatException ex)
        {
            logger.LogInformation("Copilot reply {ReplyId} was already closed: {Reason}", replyId, ex.Message);
            return false;
        }
    }
}
