using System.Net.Http.Json;
using Collab.Server.Chat;
using Collab.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Server.Tests.Chat;

/// <summary>
/// A bot whose answer throws is not lost in the background: the reply worker reports it in the
/// chat as a failed message from the bot, replying to the question, and the chat goes on.
/// </summary>
[Trait("Needs", "Server")]
public sealed class BotReplyFailureTests : IAsyncLifetime
{
    private const string Project = "bot-failure";
    private readonly InProcessServer _server = new(
        new Dictionary<string, string> { ["Copilot:Docs:IndexOnStart"] = "false" },
        services => services.AddSingleton<IChatMentionListener, ThrowingBot>());

    public async Task InitializeAsync()
    {
        using var owner = _server.Client(TestTokens.For("alice"));
        (await owner.PostAsJsonAsync("/api/projects", new { id = Project })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_reply_that_throws_is_reported_in_the_chat_as_a_failed_bot_message()
    {
        using var alice = _server.Client(TestTokens.For("alice"));
        var response = await alice.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", new { body = "@copilot what is a kernel?" });
        response.EnsureSuccessStatusCode();
        var question = (await response.Content.ReadFromJsonAsync<ChatMessage>())!;

        var chat = _server.Get<IChatBotWriter>();
        ChatMessage? report = null;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            var page = await chat.GetHistoryAsync(Project, null, 50);
            report = page.Messages.FirstOrDefault(m => m.ReplyTo == question.Id && m.Body == BotReplyFailure.Note(ChatBots.Copilot));
            return report is not null;
        }), "the failure of the bot's reply was not reported in the chat");
        Assert.Equal((ChatBots.Copilot, ChatMessageState.Failed), (report!.Author, report.State));

        var after = await alice.PostAsJsonAsync($"/api/projects/{Project}/chat/messages", new { body = "still here" });
        after.EnsureSuccessStatusCode();
    }

    private sealed class ThrowingBot : IChatMentionListener
    {
        public Task OnBotMentionedAsync(string bot, ChatMessage message, CancellationToken ct) =>
            throw new InvalidOperationException("The bot broke before it could answer.");
    }
}
