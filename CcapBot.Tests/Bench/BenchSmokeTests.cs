using CcapBot.Bench;

namespace CcapBot.Tests.Bench;

/// <summary>
/// The benchmark at a tiny size, so it cannot rot: the bot starts as its own process, authenticates signed
/// tokens, completes the form script and reports every row. Figures are not judged here (bench/README.md).
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task QuickRun_CompletesEveryPhase_WithoutErrors()
    {
        using var output = new StringWriter();

        var report = await CcapBot.Bench.Bench.RunAsync(BenchOptions.Parse(["--quick"]), output);

        var table = output.ToString();
        Assert.False(report.Failed, table);
        Assert.Contains(report.Rows, r => r.Measure.StartsWith("Script check", StringComparison.Ordinal) && r.Met == true);
        Assert.Contains(report.Rows, r => r.Measure.StartsWith("Turns", StringComparison.Ordinal) && r.Value.EndsWith("(0 errors)", StringComparison.Ordinal));
        Assert.Contains("Reproduce: dotnet run -c Release --project bench/CcapBot.Bench", table, StringComparison.Ordinal);
        // The scheduler's query count does not grow with the partnerships (a property, not a timing).
        Assert.Contains(report.Rows, r => r.Measure.StartsWith("  same tick", StringComparison.Ordinal) && r.Met == true);
    }

    [Fact]
    public void Help_DocumentsEveryOption()
    {
        foreach (var option in new[] { "--concurrency", "--closed-seconds", "--rate", "--open-seconds", "--memory", "--partnerships", "--warmup", "--script", "--quick", "--help" })
            Assert.Contains(option, BenchOptions.Usage, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--bogus"]));
    }
}
