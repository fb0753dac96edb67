using System.Security.Cryptography;
using System.Text;

namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>
/// The results of the last few texts diagnosed. One message reaches the diagnoser more than once — request
/// understanding asks whether its words hold a known error, then the answer asks which one — and the same
/// text is diagnosed once. Keyed by a hash of the text and holding only redacted results, so no secret outlives its message here.
/// </summary>
internal sealed class RecentDiagnoses(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<string> _order = new();
    private readonly Dictionary<string, DiagnosisResult> _results = new(StringComparer.Ordinal);

    /// <summary>The result for <paramref name="text"/>, from <paramref name="diagnose"/> unless the text was diagnosed recently.</summary>
    public DiagnosisResult GetOrAdd(string text, Func<string, DiagnosisResult> diagnose)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        lock (_gate)
            if (_results.TryGetValue(key, out var known)) return known;
        // Diagnosed outside the lock: two messages at once must not wait for each other's regexes.
        var result = diagnose(text);
        lock (_gate)
            if (_results.TryAdd(key, result))
            {
                _order.Enqueue(key);
                if (_order.Count > capacity) _results.Remove(_order.Dequeue());
            }
        return result;
    }
}
