using System.Text;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

// A pasted "docker run" (or podman, nerdctl) command, read flag by flag as the shell splits it.
public sealed partial record ContainerRun
{
    // "docker run …" to the end of its line, with backslash-newline continuations; "podman run" is the same command.
    private static readonly Regex DockerRun = new(@"(?:^|(?<=[\s`$>]))(?:sudo\s+)?(?:docker|podman|nerdctl)\s+(?:container\s+)?run\s+(?:\\\r?\n|[^\n`])+", I);

    // Flags that take no value; every other flag takes the next word unless written as --flag=value.
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal)
    {
        "-d", "--detach", "--rm", "-i", "-t", "-it", "-ti", "--interactive", "--tty", "--privileged", "--init", "--read-only", "-P", "--publish-all",
        "--no-healthcheck", "--sig-proxy", "--oom-kill-disable", "-q", "--quiet",
    };

    private static ContainerRun? FromDockerRun(string text)
    {
        var match = DockerRun.Match(text);
        if (!match.Success) return null;
        var words = ShellWords(Regex.Replace(match.Value, @"\\\r?\n", " "));
        // words[0..] = [sudo] docker [container] run …
        var at = words.FindIndex(w => w == "run") + 1;
        string? image = null, name = null, shm = null, memory = null, cpu = null;
        int? gpus = null;
        bool all = false, detached = false, removed = false;
        var ports = new List<(int, int)>();
        var env = new Dictionary<string, string>();
        var volumes = new List<RunVolume>();
        var entrypoint = new List<string>();
        for (; at < words.Count && image is null; at++)
        {
            var word = words[at];
            if (!word.StartsWith('-')) { image = word; break; }
            var (flag, value) = word.StartsWith("--", StringComparison.Ordinal) && word.IndexOf('=') is var eq and > 0 ? (word[..eq], word[(eq + 1)..]) : (word, null);
            var isSwitch = Switches.Contains(flag) || Regex.IsMatch(flag, "^-[dit]+$");
            if (isSwitch)
            {
                detached |= flag.Contains('d') && !flag.StartsWith("--", StringComparison.Ordinal) || flag == "--detach";
                removed |= flag == "--rm";
                continue;
            }
            if (value is null)
            {
                // Short flags may carry their value: -p8000:8000, -m2g.
                if (!flag.StartsWith("--", StringComparison.Ordinal) && flag.Length > 2) (flag, value) = (flag[..2], flag[2..]);
                else if (at + 1 < words.Count) value = words[++at];
                else break;
            }
            switch (flag)
            {
                case "-p" or "--publish" when Port(value) is { } p: ports.Add(p); break;
                case "--expose" when int.TryParse(value, out var exposed): ports.Add((exposed, exposed)); break;
                case "-e" or "--env" when value.IndexOf('=') is var i and > 0: env[value[..i]] = value[(i + 1)..]; break;
                case "-v" or "--volume" when Volume(value) is { } v: volumes.Add(v); break;
                case "--mount" when MountFlag(value) is { } m: volumes.Add(m); break;
                case "--name": name = value; break;
                case "--gpus": (gpus, all) = GpuCount(value); break;
                case "--shm-size": shm = Size(value); break;
                case "-m" or "--memory": memory = Size(value); break;
                case "--cpus": cpu = value; break;
                case "--entrypoint": entrypoint.Add(value); break;
            }
        }
        if (image is null) return null;
        return new ContainerRun
        {
            Image = image, Name = name, Ports = ports, Env = env, Volumes = volumes, Gpus = gpus, AllGpus = all, ShmSize = shm, Memory = memory, Cpu = cpu,
            Args = words.Skip(at + 1).ToList(), Entrypoint = entrypoint, RunsToCompletion = removed && !detached,
            Start = match.Index, End = match.Index + match.Length,
        };
    }

    /// <summary>Splits a command line into words as a shell would (quotes kept together, quote marks dropped).</summary>
    internal static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var ch in line)
        {
            if (quote is { } q)
            {
                if (ch == q) quote = null;
                else current.Append(ch);
                continue;
            }
            if (ch is '"' or '\'') { quote = ch; inWord = true; continue; }
            if (char.IsWhiteSpace(ch))
            {
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
                continue;
            }
            current.Append(ch);
            inWord = true;
        }
        if (inWord) words.Add(current.ToString());
        return words;
    }
}
