namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// Secrets given to a command by position or by a one-letter flag, which no setting name announces:
/// <c>docker login -p</c>, <c>mysql -pSECRET</c>, <c>mc alias set … ACCESS SECRET</c>,
/// <c>aws configure set aws_secret_access_key …</c>, <c>curl -u user:password</c>, .netrc lines.
/// </summary>
internal static class CommandLineSecrets
{
    // The rest of one shell command: stop at a pipe, a list operator or the end of the line.
    private const string SameCommand = @"[^\n|;&]{0,200}?";
    private const string Value = @"(?:""(?<secret>[^""\n]+)""|'(?<secret>[^'\n]+)'|(?<secret>[^\s""'-][^\s""']*))";

    public static readonly SecretPattern[] All =
    [
        Command("cli-password", @"\b(?:docker|podman|buildah|skopeo|oras|nerdctl|crane)\b" + SameCommand + @"\blogin\b" + SameCommand + @"[ \t]-p[ \t]*" + Value),
        Command("cli-password", @"\bmysql(?:dump|admin|import|sh|slap)?\b" + SameCommand + @"[ \t]-p(?<secret>[^\s""'-][^\s""']*)"),
        Command("cli-password", @"\bsshpass[ \t]+-p[ \t]*" + Value),
        Command("cli-password", @"\bredis-cli\b" + SameCommand + @"[ \t]-a[ \t]+" + Value),
        Command("cli-password", @"\bldap[a-z]+\b" + SameCommand + @"[ \t]-w[ \t]+" + Value),
        Command("cli-password", @"[ \t]-pass(?:in|out)?[ \t]+pass:(?<secret>[^\s""']+)"),
        Command("cli-password", @"\b(?:curl|wget|http)\b" + SameCommand + @"[ \t](?:-u|--user)[ \t=]*[""']?[^\s:""']*:(?<secret>[^\s""']+)"),
        Command("cli-password", @"\blogin[ \t]+\S+[ \t]+password[ \t]+" + Value),
        Command("cli-password", @"\bConvertTo-SecureString[ \t]+(?:-String[ \t]+)?(?<q>[""'])(?<secret>[^""'\n]+)\k<q>", ignoreCase: true),
        // MinIO client: mc alias set NAME URL ACCESS_KEY SECRET_KEY (both halves are credentials).
        Command("minio-credentials", @"\bmc[ \t]+(?:alias[ \t]+set|config[ \t]+host[ \t]+add)[ \t]+\S+[ \t]+\S+[ \t]+(?<secret>\S+(?:[ \t]+[^\s-]\S*)?)"),
        Command("token", @"\b(?:wandb[ \t]+login(?:[ \t]+--relogin)?|ngrok[ \t]+(?:config[ \t]+add-)?authtoken)[ \t]+" + Value),
        // kubectl create secret … --from-literal=KEY=VALUE: whatever the key, the value goes into a Secret.
        Command("k8s-secret-data", @"--from-literal[ \t=][""']?[^=\s""']+=" + Value),
    ];

    // $PASSWORD, "$(cat token)", <password>: the command reads the secret from elsewhere.
    private static SecretPattern Command(string kind, string pattern, bool ignoreCase = false) =>
        SecretPattern.Of(kind, pattern, value => !SecretValue.IsStandIn(value, quoted: true), ignoreCase);
}
