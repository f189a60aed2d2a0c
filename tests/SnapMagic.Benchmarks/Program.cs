using System.Runtime.InteropServices;
using SnapMagic.Benchmarks;
using SnapMagic.Benchmarks.Hosting;

if (args is ["--help" or "-h"])
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"{ex.Message}{Environment.NewLine}{BenchmarkOptions.Usage}");
    return 2;
}

// Ctrl+C and SIGTERM: stop measuring, then stop every process.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });

try
{
    return await new BenchmarkRunner(options).RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Benchmark stopped; every process it started has been stopped.");
    return 130;
}
