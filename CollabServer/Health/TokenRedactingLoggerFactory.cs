using System.Collections;

namespace Collab.Server.Health;

/// <summary>
/// Wraps the logger factory so no token reaches any log provider, whatever the log levels are
/// configured to: ASP.NET Core's request logs print the query string, and outside its content
/// root (no appsettings.json) the server logs those at Information. Lines that mention no token
/// pass unchanged; the others are passed on with their message and values redacted. A logged
/// exception's text goes through the secret redactor (<see cref="RedactedException"/>).
/// </summary>
internal sealed class TokenRedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class Logger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            exception = RedactedException.Of(exception);
            var message = formatter(state, exception);
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            if (!LoggedTokens.MayContain(message) && !values.Any(v => LoggedTokens.MayContain(v.Value as string ?? (v.Value is IFormattable ? null : v.Value?.ToString()))))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }
            inner.Log(logLevel, eventId, new RedactedState(LoggedTokens.Redact(message), values), exception, static (s, _) => s.Message);
        }
    }

    /// <summary>The structured values too, since JSON logs print them beside the message.</summary>
    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values = values
            .Select(v => v.Value is null or IFormattable ? v : new KeyValuePair<string, object?>(v.Key, LoggedTokens.Redact(v.Value.ToString() ?? "")))
            .ToArray();

        public string Message { get; } = message;
        public int Count => _values.Length;
        public KeyValuePair<string, object?> this[int index] => _values[index];
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => Message;
    }
}
