namespace Collab.Server.Chat;

/// <summary>How a bot reply that could not be given shows in the chat: a failed message from the bot, replying to the question.</summary>
public static class BotReplyFailure
{
    public static string Note(string bot) => $"_{bot} could not answer this message; ask again later._";

    /// <summary>Posts the note; a failure to post it (the store is away) is logged, as there is nowhere else to say it.</summary>
    public static async Task ReportAsync(IChatBotWriter chat, BotReplyRequest request, ILogger logger)
    {
        var question = request.Question;
        try
        {
            var note = await chat.StartStreamingMessageAsync(question.ProjectId, request.Bot, question.Id, question.Cell, CancellationToken.None);
            await chat.AppendChunkAsync(question.ProjectId, note.Id, Note(request.Bot), CancellationToken.None);
            await chat.FailAsync(question.ProjectId, note.Id, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not tell the chat that {Bot} failed to answer message {MessageId} in {Project}",
                request.Bot, question.Id, question.ProjectId);
        }
    }
}
