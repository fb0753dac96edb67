namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>Known-good versions for common Python packages, used by the drafter and to pin unpinned pip installs. Review when upgrading.</summary>
internal static class PinnedPackages
{
    private static readonly Dictionary<string, string> Python = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fastapi"] = "0.115.6", ["uvicorn"] = "0.32.1", ["uvicorn[standard]"] = "0.32.1", ["gunicorn"] = "23.0.0", ["poetry"] = "1.8.5",
        ["flask"] = "3.1.0", ["django"] = "5.1.4", ["requests"] = "2.32.3", ["httpx"] = "0.28.1", ["pydantic"] = "2.10.3",
        ["numpy"] = "2.2.0", ["pandas"] = "2.2.3", ["scipy"] = "1.14.1", ["scikit-learn"] = "1.6.0", ["matplotlib"] = "3.9.3",
        ["jupyterlab"] = "4.3.4", ["notebook"] = "7.3.1", ["ipykernel"] = "6.29.5", ["torch"] = "2.5.1", ["torchvision"] = "0.20.1",
        ["transformers"] = "4.47.0", ["datasets"] = "3.2.0", ["accelerate"] = "1.2.1", ["tensorboard"] = "2.18.0",
        ["boto3"] = "1.35.81", ["psycopg[binary]"] = "3.2.3", ["psycopg2-binary"] = "2.9.10", ["sqlalchemy"] = "2.0.36",
        ["redis"] = "5.2.1", ["celery"] = "5.4.0", ["pyyaml"] = "6.0.2", ["streamlit"] = "1.41.1", ["mlflow"] = "2.19.0",
        ["polars"] = "1.17.1", ["pytest"] = "8.3.4", ["black"] = "24.10.0", ["ruff"] = "0.8.3", ["tqdm"] = "4.67.1",
    };

    /// <summary>The pinned requirement (<c>name==version</c>) or null when the package is not in the table.</summary>
    public static string? Pin(string package) => Python.TryGetValue(package, out var v) ? $"{package}=={v}" : null;

    public static bool IsKnown(string package) => Python.ContainsKey(package);
}
