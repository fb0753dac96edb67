namespace Collab.Server.Tls;

/// <summary>The TLS files cannot be used; the message names the setting.</summary>
public sealed class TlsConfigurationException(string message) : Exception(message);
