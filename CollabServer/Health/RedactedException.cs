using Collab.Copilot.Authoring.Redaction;

namespace Collab.Server.Health;

/// <summary>
/// A logged exception as log providers print it (type, message, inner exceptions, stack), with
/// every secret the redactor knows replaced: exception messages quote what failed, and that can
/// be a connection string, a URL with a password or a pasted token.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string _text;

    private RedactedException(Exception original, string text, string message) : base(message)
    {
        _text = text;
        HResult = original.HResult;
    }

    /// <summary>The exception itself when its text holds no secret (the usual case), else a redacted stand-in.</summary>
    public static Exception? Of(Exception? exception)
    {
        if (exception is null) return null;
        var text = exception.ToString();
        var redacted = SecretRedactor.Redact(text);
        if (!redacted.HasRedactions) return exception;
        return new RedactedException(exception, LoggedTokens.Redact(redacted.Text), SecretRedactor.Redact(exception.Message).Text);
    }

    public override string? StackTrace => null; // part of the text, redacted there

    public override string ToString() => _text;
}
