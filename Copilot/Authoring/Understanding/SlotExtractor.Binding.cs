using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>A RoleBinding to a role that exists: the role (a Role, or a ClusterRole) and who is given it (a group, a ServiceAccount, a user).</summary>
public static partial class SlotExtractor
{
    // "clusterrole view", "the role deployer", "roli view", "ulogu edit", "die Rolle edit", "el rol lector", "il ruolo viewer".
    [GeneratedRegex(@"(?<![\w\-])(cluster\s*-?\s*role|role|roli|rolle|rol|ruolo|ulog[aeiu]?)(?![\w\-])\s+[`""']?([a-z][a-z0-9\-:.]*[a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex RoleNamed();

    // "group ml-students", "grupi ml-studenti", "skupině fyzika", "el grup recerca", "il gruppo fisica", "die Gruppe data-team", "serviceaccount pipeline", "user anna".
    [GeneratedRegex(@"(?<![\w\-])(?:(group|grup\w*|skupin\w*|gruppe\w*|gruppo)|(service\s*-?\s*account\w*|sa)|(user|korisnik\w*|uživatel\w*|usuari|utente|benutzer\w*))(?![\w\-])\s+[`""']?([a-z][a-z0-9\-.@]*[a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectNamed();

    // Kubernetes' own ClusterRoles, which a RoleBinding gives within one namespace.
    private static readonly HashSet<string> BuiltInClusterRoles = new(StringComparer.Ordinal) { "view", "edit", "admin", "cluster-admin" };

    /// <summary>The role named and the subject named, or null unless the request names both (a request that states permissions drafts a Role).</summary>
    private static BindingSlot? Binding(string text)
    {
        var role = RoleNamed().Matches(text).FirstOrDefault(m => IsBindingName(m.Groups[2].Value));
        var subject = SubjectNamed().Matches(text).FirstOrDefault(m => IsBindingName(m.Groups[4].Value));
        if (role is null || subject is null) return null;
        var roleName = role.Groups[2].Value.ToLowerInvariant();
        var roleKind = role.Groups[1].Value.StartsWith("cluster", StringComparison.OrdinalIgnoreCase) || BuiltInClusterRoles.Contains(roleName) ? "ClusterRole" : "Role";
        var subjectKind = subject.Groups[1].Success ? "Group" : subject.Groups[2].Success ? "ServiceAccount" : "User";
        return new BindingSlot(roleKind, roleName, subjectKind, subject.Groups[4].Value.ToLowerInvariant(), subjectKind == "ServiceAccount" ? PolicyNamespace(text) : null);
    }

    private static bool IsBindingName(string name) =>
        !Stop.Contains(name) && !Regex.IsMatch(name, @"^(?:binding\w*|and|with|that|which|who|to|for|in|del|della|des|der|die|das|namespace\w*|account\w*)$", RegexOptions.IgnoreCase);
}
