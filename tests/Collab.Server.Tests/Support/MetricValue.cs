using System.Globalization;

namespace Collab.Server.Tests.Support;

/// <summary>Reads one metric from a server's <c>/metrics</c> (Prometheus text format), summed over the series that match.</summary>
public static class MetricValue
{
    /// <param name="labels">Label pairs every counted series must carry, written as in the exposition: <c>outcome="ok"</c>.</param>
    public static async Task<double> ReadAsync(string httpUrl, string name, params string[] labels)
    {
        using var http = new HttpClient();
        var exposition = await http.GetStringAsync($"{httpUrl}/metrics");
        return exposition.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
    }
}
