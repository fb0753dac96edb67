using Collab.Server.Health;
using Microsoft.Extensions.Logging;

namespace Collab.Server.Tests.Auth;

/// <summary>
/// Exception texts are redacted before any log provider sees them: a failure quoting a connection
/// string, a URL with a password or a pasted token logs the failure, not the secret.
/// </summary>
public sealed class ExceptionLoggingTests
{
    [Fact]
    public void Secrets_in_logged_exceptions_and_their_inner_exceptions_are_redacted()
    {
        var written = new List<string>();
        using var factory = new TokenRedactingLoggerFactory(LoggerFactory.Create(b => b.AddProvider(new TextProvider(written))));
        var logger = factory.CreateLogger("test");
        var inner = new InvalidOperationException("my password is hunter2 and the key is ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        Exception failure;
        try { throw new IOException("could not connect to postgresql://app:S3cr3tP4ss@db.internal:5432/prod", inner); }
        catch (IOException ex) { failure = ex; }

        logger.LogError(failure, "Store call failed for {Project}", "p1");
        logger.LogWarning(new TimeoutException("the model answered slowly"), "Slow model");

        Assert.Equal(2, written.Count);
        var logged = written[0];
        Assert.Contains("Store call failed for p1", logged);
        Assert.Contains("db.internal:5432/prod", logged);
        Assert.Contains("System.IO.IOException", logged);
        Assert.Contains(nameof(Secrets_in_logged_exceptions_and_their_inner_exceptions_are_redacted), logged); // the stack is kept
        foreach (var secret in new[] { "S3cr3tP4ss", "hunter2", "ghp_abcdefghijklmnopqrstuvwxyz0123456789" })
            Assert.DoesNotContain(secret, logged);
        Assert.Contains("the model answered slowly", written[1]); // nothing secret: passed on as it was
    }

    /// <summary>Writes what a console provider would: the message, then the exception's text.</summary>
    private sealed class TextProvider(List<string> written) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new TextLogger(written);
        public void Dispose() { }
    }

    private sealed class TextLogger(List<string> written) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            written.Add(formatter(state, exception) + "\n" + exception);
    }
}
