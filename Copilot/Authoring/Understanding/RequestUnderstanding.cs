using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Diagnosis;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>A request understood: what it wants, its words, what was pasted, and what it states.</summary>
/// <param name="Intent">What the request wants.</param>
/// <param name="Words">The request in words, with the paste taken out.</param>
/// <param name="Paste">The pasted manifest, Dockerfile or error text the intent works on; null when there is none.</param>
/// <param name="Artefacts">What the text contains besides words.</param>
public sealed record UnderstoodRequest(RequestIntent Intent, string Words, string? Paste, PastedArtefacts Artefacts)
{
    /// <summary>The stated requirements of a manifest request (read on demand).</summary>
    public RequestSlots Slots => SlotExtractor.Extract(Words);
}

/// <summary>
/// The request-understanding layer every tool shares: detects what was pasted, then decides the
/// intent from what the text is (a manifest, a Dockerfile, log or event lines, a stack trace) and
/// what it asks for — resource nouns, units, ports, schedules, images in any of the six languages —
/// rather than from English imperative verbs. Deterministic, so the same words reach the same tool
/// with or without a model.
/// </summary>
public static partial class RequestUnderstanding
{
    /// <summary>Understands <paramref name="text"/> (already redacted, bot mention removed).</summary>
    public static UnderstoodRequest Understand(string text)
    {
        var artefacts = ArtefactDetector.Detect(text);
        var words = artefacts.Words;
        // "kubectl create deployment web --image=… — as yaml please": the command is what to draft, unless the rest reports an error.
        if (KubectlCommand.Find(text) is { } kubectl && !ReportsError(text[..kubectl.Start] + text[kubectl.End..]))
            return new(RequestIntent.ManifestDraft, text, null, artefacts);
        // "what's the k8s equivalent of this docker run / compose file?": the paste is what to draft, unless the words report an error or ask for a Dockerfile.
        if (ContainerRun.Find(text) is { } run && text[..run.Start] + text[run.End..] is var around && !ReportsError(around + " " + string.Join(' ', run.Args)) && !DockerfileNoun().IsMatch(around))
            return new(RequestIntent.ManifestDraft, text, null, artefacts);
        // "the k8s equivalent of sbatch --gres=gpu:2 --time=4:00:00?": the Slurm job is what to draft, unless the rest reports an error or asks a reason.
        if (SlurmBatch.Find(text) is { } slurm && text[..slurm.Start] + text[slurm.End..] is var rest && !ReportsError(rest) && !Vocabulary.ReasonWord.IsMatch(rest))
            return new(RequestIntent.ManifestDraft, text, null, artefacts);
        // "configmap nginx-conf from this default.conf: ```…```": the pasted file is the ConfigMap's data.
        if (SlotExtractor.ConfigFile(text) is { } file && Vocabulary.Kinds[ResourceKind.ConfigMap].IsMatch(text[..file.Start]) && !ErrorWord().IsMatch(text[..file.Start]))
            return new(RequestIntent.ManifestDraft, text, null, artefacts);
        if (artefacts.IsMainlyError && artefacts.LogLines.Count > 0)
            return new(RequestIntent.ErrorDiagnosis, words, artefacts.Paste ?? text, artefacts);
        if (artefacts.Manifest is not null) return new(RequestIntent.ManifestCheck, words, artefacts.Paste ?? artefacts.Manifest, artefacts);
        if (artefacts.Dockerfile is not null) return new(RequestIntent.DockerfileCheck, words, artefacts.Paste ?? artefacts.Dockerfile, artefacts);

        // A fenced paste that is neither artefact nor a known log shape is still an error report when its own lines tell of
        // a failure and the words ask neither for something nor how to do something ("how do I speed this up?" over code).
        var intent = FromWords(words, artefacts.Paste is not null, artefacts.Paste is { } paste && ReportsFailure(paste));
        if (intent is RequestIntent.ErrorDiagnosis) return new(intent, words, artefacts.Paste ?? words, artefacts);
        return new(intent, words, intent is RequestIntent.ManifestCheck or RequestIntent.DockerfileCheck ? artefacts.Paste : null, artefacts);
    }

    /// <summary>The text reports an error in words, or holds one the diagnoser knows (a command pasted with the output it failed with).</summary>
    private static bool ReportsError(string text) => ErrorWord().IsMatch(text) || ErrorDiagnoser.Diagnose(text).IsKnown;

    /// <summary>
    /// Pasted output that tells of a failure in its own words ("The actor died unexpectedly … Worker exit type: SYSTEM_ERROR"),
    /// whatever tool printed it: a failure word, or an upper-case error status.
    /// </summary>
    private static bool ReportsFailure(string paste) => ErrorWord().IsMatch(paste) || FailureWord().IsMatch(paste);

    /// <summary>
    /// "mi prepari un'immagine …?", "em fas un PVC de 10Gi?": a second person with "me" and an indefinite thing asks the
    /// copilot for it when the thing, in its first two words, is something the copilot writes (an image, a Dockerfile, a
    /// manifest, a kind); "mi dai una mano con il PVC?" (give me a hand) asks for help, not for a thing.
    /// </summary>
    private static bool AsksForAnArtefact(string words)
    {
        if (AsksForAThing().Match(words) is not { Success: true } asked) return false;
        var thing = string.Join(' ', words[(asked.Index + asked.Length)..].TrimStart('\'', '’').Split(' ', 3, StringSplitOptions.RemoveEmptyEntries).Take(2));
        return DockerfileNoun().IsMatch(thing) || ManifestNoun().IsMatch(thing) || Vocabulary.ImageNoun.IsMatch(thing) || Vocabulary.Kinds.Values.Any(k => k.IsMatch(thing));
    }

    /// <summary>The intent of a request in words (a paste that is neither artefact nor log does not change it).</summary>
    private static RequestIntent FromWords(string words, bool hasPaste, bool pasteReportsFailure)
    {
        // Requirements in a table or an arrowed list are read as "field: value" lines, as the slot reader reads them.
        words = SlotExtractor.Untabled(words);
        var dockerfile = DockerfileEvidence(words);
        var manifestNoun = Vocabulary.Kinds.Values.Any(k => k.IsMatch(words)) || ManifestNoun().IsMatch(words);
        if (Vocabulary.CheckCue.IsMatch(words) && !DraftEvidence(words))
        {
            if (DockerfileNoun().IsMatch(words)) return RequestIntent.DockerfileCheck;
            if (manifestNoun) return RequestIntent.ManifestCheck;
        }

        // "How do I create a PVC?" asks for an explanation, however many kind words it has; so does a question
        // in any other word order ("can I use my own image…?", "kam mám dát Dockerfile…?") that asks nothing of the copilot.
        // "kann ich ein Deployment … laufen lassen?", "can I create …?": a verb of making after "can I" is the asker's own action, asked about, not asked for.
        var ownAction = words.Contains('?') && Vocabulary.PermissionModal.IsMatch(words) && (Vocabulary.DraftCue.IsMatch(words) || Vocabulary.CreateVerb.IsMatch(words));
        var asksProduct = (Vocabulary.DraftCue.IsMatch(words) && !ownAction) || Vocabulary.RequestModal.IsMatch(words) || AsksForAnArtefact(words);
        var explanation = Vocabulary.QuestionOpener.IsMatch(words) || (words.Contains('?') && !asksProduct);
        // "0/8 nodes are available: … untolerated taint …", "NCCL error in: …": an error quoted in words is reported, not
        // specified, whatever counts or paths it has, unless the words ask for something to be written.
        var knownError = ErrorDiagnoser.Diagnose(words).IsKnown;
        // "my pod is OOMKilled, what do I do?", "Was bedeutet CrashLoopBackOff?": a state asked about by its name, with nothing
        // pasted, is a question for the documentation; an error message quoted in words is still diagnosed.
        if (explanation && !hasPaste && knownError && ErrorStates.OnlyNamed(words)) return RequestIntent.DocsQuestion;
        if (!asksProduct && knownError) return RequestIntent.ErrorDiagnosis;
        if (!asksProduct && !explanation && ErrorWord().IsMatch(words)) return RequestIntent.ErrorDiagnosis;
        // "how'd I containerize my conda env? I have an environment.yml" asks for the Dockerfile itself.
        if (dockerfile && (!explanation || ContainerizeVerb().IsMatch(words))) return RequestIntent.DockerfileDraft;
        if (!explanation || (!ownAction && SpecifiedInYesNoQuestion(words)) || SpecifiedInQuestion(words, knownError))
        {
            if (DraftEvidence(words)) return RequestIntent.ManifestDraft;
            // "em pots fer una PriorityClass…?": a kind the drafter cannot draft is still a request to draft, answered honestly.
            if (UndraftableKinds.Asked(words) is not null && !ErrorWord().IsMatch(words)) return RequestIntent.ManifestDraft;
        }
        if (hasPaste && (ErrorWord().IsMatch(words) || (pasteReportsFailure && !asksProduct && !explanation))) return RequestIntent.ErrorDiagnosis;
        if (knownError) return RequestIntent.ErrorDiagnosis;
        return RequestIntent.DocsQuestion;
    }

    /// <summary>The words ask for a Dockerfile: the noun, or an image to build from a base family or a dependency file, with no manifest kind named.</summary>
    public static bool DockerfileEvidence(string words)
    {
        if (DockerfileNoun().IsMatch(words)) return true;
        // "a fastapi service" is an app, not a Kubernetes Service: only workload and storage kinds make it a manifest.
        // A service with a type, a target port or a selector ("servei … tipus LoadBalancer, port 443 cap al 8443 del contenidor") is the Kubernetes one.
        var kindNamed = Vocabulary.Kinds.Where(k => k.Key is not ResourceKind.Service).Any(k => k.Value.IsMatch(words))
            || Vocabulary.Kinds[ResourceKind.Service].IsMatch(words) && ServiceShape().IsMatch(words);
        if (kindNamed) return false;
        if (BuildInput().IsMatch(words)) return true;
        // "half a terabyte of storage for the imagenet copy" asks for storage, whatever else it names.
        if (Counting.Sizes(words).Any() && Vocabulary.StorageNoun.IsMatch(words)) return false;
        // "image"/"obraz"/"imatge" as a thing to build, not "image: X" of a workload.
        return Vocabulary.ImageNoun.Matches(words).Any(m => !ImageReferenceAfter().IsMatch(words[(m.Index + m.Length)..]))
               && !Vocabulary.ReplicaNoun.IsMatch(words) && !ScheduleReader.Mentions(words);
    }

    /// <summary>
    /// "can I get a pvc of 20 gigs?", "šel by udělat PVC na 80Gi?": a modal yes/no question that states the size or the
    /// replicas of what it names asks for that thing; a wh-question ("why is my 200Gi PVC pending?"), a question about a
    /// fact ("is 20Gi enough for a PVC?") or one that states no value ("can I use a PVC in my notebook?") asks for an explanation.
    /// </summary>
    private static bool SpecifiedInYesNoQuestion(string words)
    {
        if (!Vocabulary.PermissionModal.IsMatch(words) || Vocabulary.QuestionOpener.IsMatch(words) || ErrorWord().IsMatch(words)) return false;
        var sized = Counting.Sizes(words).Any() && (Vocabulary.StorageNoun.IsMatch(words) || Vocabulary.Kinds.Values.Any(k => k.IsMatch(words)));
        return sized || ReplicasStated(words);
    }

    /// <summary>
    /// "what would the deployment look like for image X, port 8080?", "wie sähe ein Deployment … aus? Port 5000, 2 Replikas":
    /// a question that names a kind and specifies it (two or more of an image, a port, a size, replicas, a schedule) describes
    /// the thing to write; a question about a reason or an error ("why is my 100Gi PVC on port … pending?") does not, nor one
    /// about a fact ("is a 3-replica statefulset with 50Gi each too much for our quota?").
    /// </summary>
    private static bool SpecifiedInQuestion(string words, bool knownError)
    {
        if (knownError || ErrorWord().IsMatch(words) || Vocabulary.ReasonWord.IsMatch(words) || Vocabulary.FactOpener.IsMatch(words)) return false;
        if (!Vocabulary.Kinds.Values.Any(k => k.IsMatch(words))) return false;
        var stated = 0;
        if (ImageRef().IsMatch(words) || KnownImages.Mentioned(words) is not null) stated++;
        if (PortStated().IsMatch(words)) stated++;
        if (Counting.Sizes(words).Any()) stated++;
        if (ReplicasStated(words)) stated++;
        if (ScheduleReader.Mentions(words)) stated++;
        return stated >= 2;
    }

    // "es pot fer servir el port 22 dins d'un pod?": in a question, "a pod"/"un pod" is an article, not one replica asked for.
    private static bool ReplicasStated(string words) =>
        (Counting.Before(words, Vocabulary.ReplicaNoun) ?? Counting.After(words, Vocabulary.ReplicaNoun)) is > 1;

    /// <summary>The words state what a manifest should contain: a kind, a schedule, a size of storage, replicas, members, ports of an app, a GPU workload.</summary>
    private static bool DraftEvidence(string words)
    {
        // A kind word with an image reference ("deployment für ghcr.io/tum/api:1.2.0, ...") states what to run.
        if (Vocabulary.Kinds.Values.Any(k => k.IsMatch(words)) && (Vocabulary.DraftCue.IsMatch(words) || Slotted(words) || words.Length < 80 || ImageRef().IsMatch(words))) return true;
        // "networkpolicy que bloquegi …", "pvc 50 gigs …": a request that opens with a kind names what to make, unless it asks a question or reports an error.
        if (Vocabulary.Kinds.Values.Any(k => k.Match(words) is { Success: true } m && (m.Index <= 2 || OneShortWordBefore().IsMatch(words[..m.Index]))) && !words.Contains('?') && !ErrorWord().IsMatch(words) && !Vocabulary.ReasonWord.IsMatch(words)) return true;
        return Slotted(words);
    }

    private static bool Slotted(string words)
    {
        if (ScheduleReader.Mentions(words)) return true;
        if (Counting.Before(words, Vocabulary.ReplicaNoun) is not null || Counting.After(words, Vocabulary.ReplicaNoun) is not null
            || Counting.Before(words, Vocabulary.NodeNoun) is > 1) return true;
        var size = Counting.Sizes(words).Any();
        if (size && (Vocabulary.StorageNoun.IsMatch(words) || Vocabulary.Database.IsMatch(words) || KnownImages.Mentioned(words) is not null)) return true;
        var port = PortStated().IsMatch(words);
        var app = KnownImages.Mentioned(words) is not null || AppNoun().IsMatch(words) || ImageRef().IsMatch(words);
        if (port && app) return true;
        if (GpuWord().IsMatch(words) && (Vocabulary.Batch.IsMatch(words) || app || ScriptName().IsMatch(words))) return true;
        return ImageRef().IsMatch(words) && (Vocabulary.DraftCue.IsMatch(words) || EnvPair().IsMatch(words));
    }

    // "un serviceaccount …", "a pdb …": an article before the kind word.
    [GeneratedRegex(@"^\W*\p{L}{1,3}\s+$")]
    private static partial Regex OneShortWordBefore();

    [GeneratedRegex(@"\b(load\s?balancer|node\s?port|cluster\s?ip|target\s?port|selector)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ServiceShape();

    [GeneratedRegex(@"\b(docker ?file|containerfile)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DockerfileNoun();

    [GeneratedRegex(@"\b(containeri[sz]\w*|dockeri[sz]\w*|kontejneriz\w*|containeritz\w*|containerizz\w*|containerisier\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex ContainerizeVerb();

    [GeneratedRegex(@"\b(manifest\w*|ya?ml|pod spec|helm chart)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ManifestNoun();

    // Build stages ("multi-stage build", "final image X") exist only in a Dockerfile.
    [GeneratedRegex(@"environment\.ya?ml|requirements\.txt|pyproject\.toml|package\.json|go\.mod|Cargo\.toml|\bmicromamba\b|\bconda\b|\brocker\b|\bbase image\b|\bmulti[\s\-]?stage\b|\bfinal (?:image|stage)\b|\bR\s?\d\.\d\b|\bnvidia/cuda\b", RegexOptions.IgnoreCase)]
    private static partial Regex BuildInput();

    [GeneratedRegex(@"^\s*[:=]?\s*[`""']?[a-z0-9][\w.\-]*(/[\w.\-]+)*:[\w.\-]+", RegexOptions.IgnoreCase)]
    private static partial Regex ImageReferenceAfter();

    [GeneratedRegex(@"(?<![\w])(port\w*|listen\w*\s+on)\s*[:=]?\s*\d{2,5}|:\d{4,5}\b|load\s?balancer|node\s?port", RegexOptions.IgnoreCase)]
    private static partial Regex PortStated();

    [GeneratedRegex(@"\b(api\w*|app\w*|aplikac\w*|server\w*|serveis?|servizio|dienst|web\w*|frontend|backend|dashboard|ui|service\w*|servis\w*|služb\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AppNoun();

    [GeneratedRegex(@"(?<![\w./-])([a-z0-9.\-]+/)+[a-z0-9][\w.\-]*:[\w.\-]+", RegexOptions.IgnoreCase)]
    private static partial Regex ImageRef();

    [GeneratedRegex(@"(?<![\w])(gpus?|gpu-\w{1,3}|mig|a100|h100|h200|\d+g\.\d+gb)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex GpuWord();

    [GeneratedRegex(@"[\w\-]+\.(py|sh)\b")]
    private static partial Regex ScriptName();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9_]+=\S")]
    private static partial Regex EnvPair();

    // Also an exception class quoted inside a sentence ("der Worker stirbt mit ray.exceptions.OutOfMemoryError: …"): its
    // name ends in Error or Exception, whatever comes before it.
    [GeneratedRegex(@"\b(error|errors|exception|traceback|failed|failure|fatal|panic|crash\w*|greška|grešk\w*|chyb\w*|errore|Fehler\w*)\b|(?-i:\b[A-Z][A-Za-z]*[a-z](Error|Exception)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorWord();

    [GeneratedRegex(@"\b(died|killed|unable to|cannot|can't|no such|not found|denied|refused|timed out)\b|\b[A-Z]+_(ERROR|FAILED|FAILURE)\b")]
    private static partial Regex FailureWord();

    // "mi prepari un'immagine …?", "em prepares una imatge …?", "machst du mir ein Image …?": a verb of the second person
    // with "me" and an indefinite object, in a question's form as in an imperative's. Italian second persons end in -i,
    // Catalan ones in -s, German ones in -st before "du".
    [GeneratedRegex(@"(?<![\w'])(mi\s+\p{L}+i|em\s+\p{L}+s|\p{L}+st\s+du\s+mir)\s+(un['’]|una|uno|un|unes|uns|ein|eine|einen)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForAThing();
}
