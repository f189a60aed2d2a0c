using System.Diagnostics;
using SnapMagic.TestSupport;

namespace SnapMagic.EndToEnd.Tests.Hosting;

/// <summary>
/// <c>--backend aws</c> cannot reach AWS from here, so this checks only that without a bucket, a region or
/// credentials the AppHost stops at once with a message that says what to set. It runs the AppHost's command line
/// in a bare environment: no AWS variables, an empty home (no ~/.aws), instance metadata off (loopback only).
/// </summary>
public sealed class AwsBackendStartTests
{
    [Fact]
    public async Task Without_a_bucket_name_it_says_to_set_Aws_BucketName() =>
        Assert.Contains("Aws:BucketName", await RunFailingAsync([]));

    [Fact]
    public async Task Without_a_region_it_says_to_set_one() =>
        Assert.Contains("AWS_REGION", await RunFailingAsync([("Aws__BucketName", "snapmagic-test-bucket")]));

    [Fact]
    public async Task Without_credentials_it_says_how_to_sign_in()
    {
        var error = await RunFailingAsync([("Aws__BucketName", "snapmagic-test-bucket"), ("AWS_REGION", "eu-west-1")]);

        Assert.Contains("no AWS credentials were found", error);
        Assert.Contains("AWS_PROFILE", error);
    }

    /// <summary>Runs <c>SnapMagic.AppHost --backend aws</c>; asserts it exits with 1 promptly and started nothing; returns its stderr.</summary>
    private static async Task<string> RunFailingAsync((string Name, string Value)[] environment)
    {
        var home = Directory.CreateTempSubdirectory("snapmagic-no-aws-");
        try
        {
            var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(LoopbackAppHost.BuiltDll());
            // The AppHost stops before it binds anything; free ports keep an AppHost that wrongly starts off the fixed ones.
            foreach (var argument in new[] { "--backend", "aws", "--api-port", $"{FreePort.Next()}", "--web-port", $"{FreePort.Next()}", "--dashboard-port", $"{FreePort.Next()}" })
                start.ArgumentList.Add(argument);
            start.Environment.Clear();
            start.Environment["PATH"] = System.Environment.GetEnvironmentVariable("PATH");
            start.Environment["HOME"] = home.FullName;
            start.Environment["AWS_CONFIG_FILE"] = Path.Combine(home.FullName, "no-config");
            start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home.FullName, "no-credentials");
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            start.Environment["DOTNET_NOLOGO"] = "true";
            foreach (var (name, value) in environment)
                start.Environment[name] = value;

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The AppHost did not stop within 30 s without AWS settings.");
            }
            Assert.Equal(1, process.ExitCode);
            Assert.DoesNotContain("SnapMagic is running", await stdout);
            var error = await stderr;
            Assert.StartsWith("--backend aws cannot start:", error);
            return error;
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
