using System.Text;
using Microsoft.Extensions.Logging;

namespace Collab.Server.Tests.Support;

/// <summary>
/// What an in-process server logged, kept as text for a failing assertion's message (a server
/// process's console output plays this part for <see cref="ServerProcess"/>).
/// </summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get { lock (_text) return _text.ToString(); }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private void Append(string line)
    {
        lock (_text) _text.AppendLine(line);
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // The server's configured levels (Logging:LogLevel) filter before a provider is asked.
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Append($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
    }
}
