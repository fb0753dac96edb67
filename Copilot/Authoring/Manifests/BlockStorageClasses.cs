namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// Storage classes that provision block volumes (a cloud disk, a Ceph RBD image, a node-local path), which
/// attach to one node at a time and so cannot serve ReadWriteMany. Read from the name's parts, the way
/// provisioners and cloud defaults name them (gp3, ebs-sc, standard-rwo, managed-csi, rook-ceph-block,
/// csi-cinder-sc-delete, local-path); a name with a file-system part (efs, nfs, cephfs, azurefile) is not.
/// </summary>
internal static class BlockStorageClasses
{
    private static readonly HashSet<string> BlockParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "rbd", "ebs", "block", "disk", "cinder", "gp2", "gp3", "io1", "io2", "st1", "sc1", "rwo", "hostpath", "pd", "hcloud",
    };

    private static readonly HashSet<string> BlockNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "local-path", "local-storage", "managed", "managed-csi", "managed-premium", "managed-csi-premium", "do-block-storage",
    };

    private static readonly HashSet<string> FileParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "file", "files", "nfs", "cephfs", "efs", "azurefile", "filestore", "rwx", "shared", "smb", "cifs", "gluster", "glusterfs",
    };

    public static bool IsBlock(string storageClass)
    {
        var parts = storageClass.Split('-', '_', '.');
        if (parts.Any(FileParts.Contains)) return false;
        return BlockNames.Contains(storageClass) || parts.Any(BlockParts.Contains);
    }
}
