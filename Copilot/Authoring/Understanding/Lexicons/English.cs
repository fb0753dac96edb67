namespace Collab.Copilot.Authoring.Understanding.Lexicons;

/// <summary>English words for the understanding layer.</summary>
internal static class English
{
    public static Lexicon Words { get; } = new()
    {
        Language = "en",
        DraftCues = ["draft", "write", "create", "generate", "give me", "make", "build", "need", "want", "produce", "scaffold", "set up", "setup", "prepare", "deploy", "spin up", "i'd like"],
        QuestionOpeners = ["how", "what", "why", "where", "when", "which", "who", "is there", "does", "do i", "should", "explain"],
        ReasonWords = ["why", "how come", "whats wrong", "what's wrong"],
        CheckCues = ["check", "validate", "review", "lint", "verify", "what's wrong", "whats wrong", "what is wrong", "fix", "is this ok", "is this right", "look at"],
        Kinds = new()
        {
            [ResourceKind.CronJob] = ["cron ?jobs?", "cron", "scheduled jobs?"],
            [ResourceKind.StatefulSet] = ["stateful ?sets?"],
            [ResourceKind.Deployment] = ["deployments?", "deploy"],
            [ResourceKind.Job] = ["jobs?", "batch jobs?"],
            [ResourceKind.ConfigMap] = ["config ?maps?"],
            [ResourceKind.PersistentVolumeClaim] = ["pvcs?", "persistent ?volume ?claims?", "volume ?claims?", "persistent volumes?"],
            [ResourceKind.Service] = ["services?", "svc", "node ?ports?"],
            [ResourceKind.Ingress] = ["ingress(es)?"],
            [ResourceKind.HorizontalPodAutoscaler] = ["hpas?", "horizontal ?pod ?autoscalers?", "autoscalers?"],
            [ResourceKind.NetworkPolicy] = ["network ?polic(y|ies)", "netpols?"],
            [ResourceKind.ResourceQuota] = ["resource ?quotas?", "quotas?"],
            [ResourceKind.LimitRange] = ["limit ?ranges?"],
            [ResourceKind.Secret] = ["secrets?"],
        },
        Numbers = new()
        {
            ["a"] = 1, ["an"] = 1, ["one"] = 1, ["single"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
            ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["twelve"] = 12, ["sixteen"] = 16,
        },
        Replicas = ["replicas?", "instances?", "copies", "pods?"],
        Nodes = ["nodes?", "members?", "servers?"],
        NameMarkers = ["named", "called", "name", "name it"],
        Ports = ["ports?"],
        Every = ["every", "each"],
        Minutes = ["minutes?", "mins?", "m"],
        Hours = ["hours?", "hrs?", "h"],
        Daily = ["daily", "every day", "each day", "every morning", "every evening", "once a day"],
        Nightly = ["nightly", "every night", "each night", "at night", "overnight"],
        Hourly = ["hourly", "every hour", "each hour"],
        Weekly = ["weekly", "every week", "once a week"],
        Monthly = ["monthly", "every month", "once a month"],
        Days = [["sundays?"], ["mondays?"], ["tuesdays?"], ["wednesdays?"], ["thursdays?"], ["fridays?"], ["saturdays?"]],
        At = ["at"],
        WholeGpu = ["full", "whole", "entire", "dedicated"],
        Negations = ["not", "no", "without", "never", "instead of"],
        Storage = ["volumes?", "disks?", "storage", "space", "pvcs?"],
        Memory = ["ram", "memory", "mem"],
        Databases = ["database", "db"],
        Batch = ["train(s|ing)?", "fine-?tun\\w*", "batch", "benchmark\\w*", "one-?off", "migration", "evaluat\\w*", "preprocess\\w*", "run once"],
        ImageNouns = ["docker ?images?", "container ?images?", "images?", "base image"],
        GigaWords = ["gigs?", "gigabytes?", "giga"],
        Weekdays = ["weekdays?", "every weekday", "on weekdays", "workdays?", "business days?", "mon-fri", "monday to friday", "monday through friday"],
        Limits = ["limit\\w*", "max", "maximum", "capped at", "at most", "no more than"],
        Half = ["half a", "half"],
        EnvWords = ["env", "envs", "env vars?", "environment variables?", "environment"],
        SecretNouns = ["secrets?"],
        And = ["and", "plus", "\\+", "&"],
        ChangeVerbs = ["add", "set", "put", "give", "change", "bump", "increase", "raise", "lower", "reduce", "decrease", "scale", "switch", "move", "update", "replace", "make it", "make this", "attach", "upgrade", "downgrade"],
        RemoveVerbs = ["remove", "drop", "delete", "get rid of", "strip", "take out", "rip out"],
        RenameVerbs = ["rename", "call it", "change the name", "name it"],
        ContainerNouns = ["container\\w*", "sidecar\\w*"],
        Ordinals = new() { ["first"] = 1, ["1st"] = 1, ["second"] = 2, ["2nd"] = 2, ["third"] = 3, ["3rd"] = 3, ["fourth"] = 4, ["4th"] = 4, ["last"] = -1 },
    };
}
