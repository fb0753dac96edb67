namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// Secrets recognisable by their shape alone: provider tokens with a distinctive prefix or
/// structure (the kinds public secret scanners catalogue), private key blocks and JWTs. These
/// need no surrounding name, so they are caught in logs, URLs, prose and code alike.
/// </summary>
internal static class TokenShapes
{
    // Token characters, and a guard so a shape is not matched inside a longer word.
    private const string Tail = "(?![A-Za-z0-9_-])";
    private const string Head = "(?<![A-Za-z0-9_-])";

    public static readonly SecretPattern[] All =
    [
        // Key blocks: PEM (also with the \n escapes of a JSON string), base64 of a PEM (Kubernetes data,
        // kubeconfig), PuTTY. An unterminated block is cut to the end of the text.
        SecretPattern.Of("private-key", @"-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|\z)"),
        SecretPattern.Of("private-key", Head + "LS0tLS1CRUdJTi[A-Za-z0-9+/]{20,}={0,2}", IsBase64PrivateKey),
        SecretPattern.Of("private-key", @"Private-Lines:[ \t]*\d+\r?\n(?<secret>[A-Za-z0-9+/=]+(?:\r?\n[A-Za-z0-9+/=]+)*)(?=\r?\n|\z)"),
        SecretPattern.Of("private-key", Head + "AGE-SECRET-KEY-1[0-9A-Z]{58}" + Tail),
        SecretPattern.Of("jwt", @"\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}(?:\.[A-Za-z0-9_-]*)*"),
        // A JWT cut at its last dot by a line break (a wrapped log line): its signature is the first token run on the next line.
        SecretPattern.Of("jwt", @"\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[ \t]*\r?\n[^\n]*?(?<secret>(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{20,})"),

        // Cloud providers.
        SecretPattern.Of("aws-access-key", @"\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b"),
        // A secret access key is 40 base64 characters with no shape of its own: caught next to its key id (CSV, CLI tables).
        SecretPattern.Of("aws-secret-key", @"(?<=\b(?:AKIA|ASIA)[A-Z0-9]{16}[""']?[\s,;:|]+[""']?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])"),
        SecretPattern.Of("aws-secret-key", @"Secret Access Key(?: \[[^\]\n]{0,40}\])?:[ \t]*(?<secret>[A-Za-z0-9/+]{40})", ignoreCase: true),
        SecretPattern.Of("google-api-key", Head + "AIza[A-Za-z0-9_-]{35}" + Tail),
        SecretPattern.Of("google-oauth-token", Head + @"(?:ya29\.[A-Za-z0-9_-]{30,}|GOCSPX-[A-Za-z0-9_-]{24,}|1//0[A-Za-z0-9_-]{40,})"),
        SecretPattern.Of("azure-client-secret", @"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])"),
        SecretPattern.Of("digitalocean-token", Head + "do[opr]_v1_[a-f0-9]{64}" + Tail),
        SecretPattern.Of("databricks-token", Head + "dapi[a-f0-9]{32}(?:-[0-9]+)?" + Tail),
        SecretPattern.Of("rancher-token", Head + "token-[a-z0-9]{5}:[a-z0-9]{40,64}" + Tail),
        SecretPattern.Of("openshift-token", Head + "sha256~[A-Za-z0-9_-]{43}" + Tail),
        SecretPattern.Of("vault-token", Head + @"hv[sbr]\.[A-Za-z0-9_-]{24,}"),
        SecretPattern.Of("terraform-token", Head + @"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,}"),
        SecretPattern.Of("pulumi-token", Head + "pul-[a-f0-9]{40}" + Tail),
        SecretPattern.Of("doppler-token", Head + @"dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,}" + Tail),
        SecretPattern.Of("heroku-token", Head + "HRKU-[A-Za-z0-9_-]{30,}" + Tail),

        // Code hosting and package registries.
        SecretPattern.Of("github-token", Head + "(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{50,})" + Tail),
        SecretPattern.Of("gitlab-token", Head + "(?:gl(?:pat|dt|rt|cbt|ptt|ft|imt|oas|soat|agent|wt)-[A-Za-z0-9_-]{20,}|GR1348941[A-Za-z0-9_-]{20,})" + Tail),
        SecretPattern.Of("npm-token", Head + "npm_[A-Za-z0-9]{36}" + Tail),
        SecretPattern.Of("pypi-token", Head + "pypi-AgE[A-Za-z0-9_-]{50,}"),
        SecretPattern.Of("docker-hub-token", Head + "dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}" + Tail),
        SecretPattern.Of("atlassian-token", Head + "ATATT3[A-Za-z0-9_=-]{50,}" + Tail),
        SecretPattern.Of("postman-key", Head + "PMAK-[a-f0-9]{24}-[a-f0-9]{34}" + Tail),

        // AI and ML services.
        SecretPattern.Of("openai-key", Head + "sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{32,})" + Tail),
        SecretPattern.Of("anthropic-key", Head + "sk-ant-[a-z]+[0-9]*-[A-Za-z0-9_-]{40,}" + Tail),
        SecretPattern.Of("huggingface-token", Head + "(?:hf_[A-Za-z0-9]{30,}|api_org_[A-Za-z0-9]{30,})" + Tail),
        SecretPattern.Of("replicate-token", Head + "r8_[A-Za-z0-9]{37}" + Tail),
        SecretPattern.Of("groq-key", Head + "gsk_[A-Za-z0-9]{48,}" + Tail),
        SecretPattern.Of("perplexity-key", Head + "pplx-[A-Za-z0-9]{40,}" + Tail),
        SecretPattern.Of("langsmith-key", Head + "lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}" + Tail),

        // Messaging, payments, monitoring.
        SecretPattern.Of("slack-token", Head + @"(?:xox[abposre]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{20,})"),
        SecretPattern.Of("slack-webhook", @"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]+"),
        SecretPattern.Of("discord-webhook", @"https://(?:[a-z]+\.)?discord(?:app)?\.com/api/webhooks/\d+/[A-Za-z0-9_-]{30,}"),
        SecretPattern.Of("discord-token", Head + @"[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}" + Tail),
        SecretPattern.Of("teams-webhook", @"https://[A-Za-z0-9.-]+\.webhook\.office\.com/webhookb2/[^\s""'<>]+"),
        SecretPattern.Of("telegram-token", @"\b\d{8,10}:AA[A-Za-z0-9_-]{33}" + Tail),
        SecretPattern.Of("stripe-key", Head + "(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}|whsec_[A-Za-z0-9]{24,})" + Tail),
        SecretPattern.Of("square-token", Head + "sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}" + Tail),
        SecretPattern.Of("shopify-token", Head + "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}" + Tail),
        SecretPattern.Of("sendgrid-key", Head + @"SG\.[A-Za-z0-9_-]{20,24}\.[A-Za-z0-9_-]{40,50}" + Tail),
        SecretPattern.Of("twilio-key", @"\bSK[0-9a-fA-F]{32}\b"),
        SecretPattern.Of("mailgun-key", @"\bkey-[0-9a-zA-Z]{32}\b"),
        SecretPattern.Of("mailchimp-key", @"\b[0-9a-f]{32}-us[0-9]{1,2}\b"),
        SecretPattern.Of("newrelic-key", Head + "NR(?:AK|II|JS)-[A-Za-z0-9]{20,}" + Tail),
        SecretPattern.Of("grafana-token", Head + "(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})" + Tail),
        SecretPattern.Of("sentry-token", Head + "sntry[su]_[A-Za-z0-9+/=_-]{40,}"),
        SecretPattern.Of("linear-key", Head + "lin_api_[A-Za-z0-9]{40}" + Tail),
        SecretPattern.Of("notion-token", Head + "(?:ntn_[A-Za-z0-9]{40,}|secret_[A-Za-z0-9]{43})" + Tail),

        // HTTP credentials written without a header name (logs, curl traces). A bearer token has a
        // digit in it (so "Bearer authentication" is prose); a Basic credential decodes to user:password.
        SecretPattern.Of("bearer-token", @"\bBearer[ \t]+(?<secret>[A-Za-z0-9._~+/-]{12,}=*)", HasDigit, ignoreCase: true),
        SecretPattern.Of("basic-auth", @"\bBasic[ \t]+(?<secret>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])", IsBasicCredential, ignoreCase: true),
    ];

    private static bool HasDigit(string value) => value.Any(char.IsAsciiDigit);

    private static bool IsBasicCredential(string value) => Base64Text.Decode(value) is { } text && text.Contains(':') && !text.Any(char.IsControl);

    private static bool IsBase64PrivateKey(string value) => Base64Text.Decode(value[..(Math.Min(value.Length, 80) / 4 * 4)]) is { } text && text.Contains("PRIVATE KEY");
}
