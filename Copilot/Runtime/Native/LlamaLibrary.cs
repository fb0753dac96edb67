using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Collab.Copilot.Runtime.Native;

/// <summary>
/// Loads libllama and libggml from one folder (the npm package's bins, or a published app's
/// own folder) and initialises the backends once per process. The DllImport resolver can be
/// set only once per assembly, so a second, different folder is refused rather than ignored.
/// </summary>
internal static unsafe class LlamaLibrary
{
    private static readonly object Gate = new();
    private static string? loadedFolder;
    private static ILogger? logger;

    /// <summary>The folder the libraries were loaded from, or null before <see cref="Load"/>.</summary>
    public static string? LoadedFolder => loadedFolder;

    /// <summary>Loads the libraries from <paramref name="folder"/> (idempotent for the same folder).</summary>
    /// <exception cref="LlamaNativeLibraryException">The folder or a library in it is missing or unloadable.</exception>
    public static void Load(string folder, ILogger? log = null)
    {
        var full = Path.GetFullPath(folder);
        lock (Gate)
        {
            if (log is not null) logger = log;
            if (loadedFolder is not null)
            {
                if (!PathsEqual(loadedFolder, full))
                    throw new LlamaNativeLibraryException(full,
                        $"llama.cpp is already loaded from '{loadedFolder}'; one process can use only one native library folder.");
                return;
            }

            var files = LlamaLibraryFiles.Find(full);
            var handles = new Dictionary<string, nint>
            {
                // Dependency order: ggml-base, then ggml, then llama (their RUNPATH is $ORIGIN).
                [NativeMethods.GgmlBase] = LoadOne(full, files.GgmlBase),
                [NativeMethods.Ggml] = LoadOne(full, files.Ggml),
                [NativeMethods.Llama] = LoadOne(full, files.Llama),
            };
            NativeLibrary.SetDllImportResolver(typeof(LlamaLibrary).Assembly,
                (name, _, _) => handles.TryGetValue(name, out var h) ? h : 0);

            NativeMethods.ggml_log_set(&OnNativeLog, 0);
            NativeMethods.llama_log_set(&OnNativeLog, 0);
            // Without this there is no CPU (or CUDA) backend at all: they are plug-in objects.
            NativeMethods.ggml_backend_load_all_from_path(full);
            NativeMethods.llama_backend_init();
            loadedFolder = full;
        }
    }

    /// <summary><c>llama_print_system_info()</c>: the backend and CPU features in use.</summary>
    public static string SystemInfo() => Marshal.PtrToStringUTF8((nint)NativeMethods.llama_print_system_info()) ?? "";

    private static nint LoadOne(string folder, string file)
    {
        try
        {
            return NativeLibrary.Load(file);
        }
        catch (DllNotFoundException e)
        {
            throw new LlamaNativeLibraryException(folder, $"Could not load '{file}': {e.Message}", e);
        }
        catch (BadImageFormatException e)
        {
            throw new LlamaNativeLibraryException(folder, $"'{file}' is not a loadable library for this platform: {e.Message}", e);
        }
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    // Native threads call this; it must never throw back into C.
    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static void OnNativeLog(GgmlLogLevel level, byte* text, nint userData)
    {
        try
        {
            var log = logger;
            if (log is null || text is null) return;
            var logLevel = level switch
            {
                GgmlLogLevel.Error => LogLevel.Error,
                GgmlLogLevel.Warn => LogLevel.Warning,
                GgmlLogLevel.Info => LogLevel.Debug,
                _ => LogLevel.Trace,
            };
            if (!log.IsEnabled(logLevel)) return;
            var message = Marshal.PtrToStringUTF8((nint)text)?.TrimEnd();
            if (!string.IsNullOrEmpty(message)) log.Log(logLevel, "llama.cpp: {Message}", message);
        }
        catch
        {
            // Logging is best effort; an exception may not cross into native code.
        }
    }
}
