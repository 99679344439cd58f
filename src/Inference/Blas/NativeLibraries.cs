using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace ProbDsl.Inference.Blas;

/// <summary>
/// The dynamic loader calls .NET does not offer: NativeLibrary.Load opens a library RTLD_LOCAL, which keeps its
/// symbols out of the scope other libraries are linked against; the MKL shim needs RTLD_GLOBAL.
/// </summary>
internal static class NativeLibraries
{
    private const int RtldNow = 0x2;
    private const int RtldGlobal = 0x100;

    // libdl.so.2 exists on every glibc (since 2.34 its functions live in libc.so.6, libdl.so.2 remains for old binaries).
    [DllImport("libdl.so.2", EntryPoint = "dlopen")]
    private static extern IntPtr DlOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libdl.so.2", EntryPoint = "dlerror")]
    private static extern IntPtr DlError();

    /// <summary>Opens <paramref name="path"/> into the global symbol scope; returns null or the loader's error.</summary>
    public static string? LoadGlobal(string path)
    {
        if (DlOpen(path, RtldNow | RtldGlobal) != IntPtr.Zero)
            return null;
        return Marshal.PtrToStringUTF8(DlError()) ?? "dlopen failed";
    }

    /// <summary>The full path of a loaded library whose file name is <paramref name="fileName"/>, or null (from /proc/self/maps).</summary>
    public static string? FindLoaded(string fileName)
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
            return null;
        return File.ReadLines(maps)
            .Select(line => line.IndexOf('/') is var start and >= 0 ? line.Substring(start) : null)
            .FirstOrDefault(path => path is not null && Path.GetFileName(path) == fileName);
    }
}
