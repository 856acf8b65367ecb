using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CcapBot.Bench;

namespace CcapBot.Bench
{
    /// <summary>Entry point (an explicit class: the test project also references the bot's own Program).</summary>
    internal static class BenchProgram
    {
        public static async Task<int> Main(string[] args)
        {
            BenchOptions options;
            try
            {
                options = BenchOptions.Parse(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            if (options.Help)
            {
                Console.WriteLine(BenchOptions.Usage);
                return 0;
            }

            var report = await Bench.RunAsync(options, Console.Out);
            return report.Failed ? 1 : 0;
        }
    }

    internal sealed record Row(string Measure, string Value, string Target, bool? Met);

    internal sealed record Report(IReadOnlyList<Row> Rows)
    {
        public bool Failed => Rows.Any(r => r.Value.StartsWith("error", StringComparison.Ordinal));
    }

    internal static class Bench
    {
        public static async Task<Report> RunAsync(BenchOptions options, TextWriter output)
        {
            var rows = new List<Row>();
            await using var microsoft = await LocalMicrosoft.StartAsync();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                Timeout = TimeSpan.FromSeconds(60),
            };

            // 1. Cold start, throughput and latency on one process.
            await using (var bot = BotProcess.Start(microsoft.BotSettings()))
            {
                await bot.WaitUntilListeningAsync(http, TimeSpan.FromSeconds(60));
                var load = new Load(http, bot.BaseAddress, microsoft, options.Script);
                var first = load.NewConversation(-1);
                var reply = microsoft.NextReply(first.ConversationId);
                var ok = await load.TurnAsync(first);
                await reply.WaitAsync(TimeSpan.FromSeconds(30));
                var coldStart = bot.SinceStart.Elapsed;
                rows.Add(new("Cold start: process start → first reply", ok ? Ms(coldStart.TotalMilliseconds) : "error", "≤ 2000 ms", ok && coldStart.TotalMilliseconds <= 2000));

                // The script must really complete the form, or the figures below measure re-prompts.
                for (var t = 1; t < options.Script.Turns.Count; t++) await load.TurnAsync(first);
                var last = microsoft.LastText(first.ConversationId) ?? "";
                var completes = last.Contains(options.Script.CompletedWhenReplyContains, StringComparison.Ordinal);
                rows.Add(new($"Script check: {options.Script.Name} completes in {options.Script.Turns.Count} turns", completes ? "yes" : $"error: last reply \"{last}\"", "yes", completes));

                if (options.Warmup > TimeSpan.Zero) await load.ClosedLoopAsync(options.Concurrency, options.Warmup, firstConversation: 100_000);
                var cpuBefore = bot.CpuTime;
                var closed = await load.ClosedLoopAsync(options.Concurrency, options.ClosedDuration);
                var cpuPerTurn = (bot.CpuTime - cpuBefore).TotalMilliseconds / Math.Max(1, closed.Turns);
                rows.Add(new($"Turns ({options.Script.Name}), closed loop, {options.Concurrency} conversations", $"{closed.TurnsPerSecond:F0} turns/s ({closed.Errors} errors)", "≥ 1500 turns/s", closed.TurnsPerSecond >= 1500 && closed.Errors == 0));

                var open = await load.OpenLoopAsync(options.Rate, options.OpenDuration, conversations: 256, firstConversation: 200_000);
                rows.Add(new($"Latency, open loop at {options.Rate:F0} turns/s: p50", Ms(open.Percentile(50)), "≤ 10 ms", open.Percentile(50) <= 10));
                rows.Add(new("  p95", Ms(open.Percentile(95)), "", null));
                rows.Add(new("  p99", Ms(open.Percentile(99)), "≤ 30 ms", open.Percentile(99) <= 30));
                rows.Add(new("  errors", open.Errors.ToString(CultureInfo.InvariantCulture), "0", open.Errors == 0));

                // 2. The floor: the same endpoint, auth, parse and one reply through the same Connector
                // client, with no dialog or database work (Benchmark:Floor swaps the turn pipeline out).
                var floorSettings = new Dictionary<string, string>(microsoft.BotSettings()) { ["Benchmark__Floor"] = "true" };
                await using var floorBot = BotProcess.Start(floorSettings);
                await floorBot.WaitUntilListeningAsync(http, TimeSpan.FromSeconds(60));
                var floorLoad = new Load(http, floorBot.BaseAddress, microsoft, options.Script);
                if (options.Warmup > TimeSpan.Zero) await floorLoad.ClosedLoopAsync(options.Concurrency, options.Warmup);
                var floorCpuBefore = floorBot.CpuTime;
                var floor = await floorLoad.ClosedLoopAsync(options.Concurrency, options.ClosedDuration);
                var floorCpuPerTurn = (floorBot.CpuTime - floorCpuBefore).TotalMilliseconds / Math.Max(1, floor.Turns);
                var ratio = floor.TurnsPerSecond / closed.TurnsPerSecond;
                rows.Add(new("Floor (auth + parse + one reply), closed loop", $"{floor.TurnsPerSecond:F0} turns/s", "", null));
                rows.Add(new("  turn cost ÷ floor cost (throughput)", $"{ratio:F2}×", "≤ 3×", ratio <= 3));
                rows.Add(new("  bot CPU per turn: turn / floor", string.Create(CultureInfo.InvariantCulture, $"{cpuPerTurn:F2} ms / {floorCpuPerTurn:F2} ms = {cpuPerTurn / floorCpuPerTurn:F2}×"), "", null));
            }

            // 3. Memory: a fresh process holding N conversations mid-form.
            await using (var bot = BotProcess.Start(microsoft.BotSettings()))
            {
                await bot.WaitUntilListeningAsync(http, TimeSpan.FromSeconds(60));
                var load = new Load(http, bot.BaseAddress, microsoft, options.Script);
                var conversations = Enumerable.Range(0, options.MemoryConversations).Select(load.NewConversation).ToList();
                var halfway = Math.Max(1, options.Script.Turns.Count / 2);
                await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) =>
                {
                    for (var t = 0; t < halfway; t++) await load.TurnAsync(c);
                });
                var live = conversations.Count(c => c.MidForm);
                var (peak, current) = bot.Memory();
                rows.Add(new($"Peak working set, {live} live conversations mid-form", $"{peak / 1048576.0:F0} MB (now {current / 1048576.0:F0} MB)", "≤ 200 MB", peak <= 200L * 1048576));
            }

            // 4. Scheduler tick, and the same tick over a tenth of the partnerships: the query count must not grow.
            var small = await SchedulerScale.MeasureAsync(Math.Max(2, options.Partnerships / 10), microsoft.ServiceUrl);
            var large = await SchedulerScale.MeasureAsync(options.Partnerships, microsoft.ServiceUrl);
            var constant = small.Commands == large.Commands;
            rows.Add(new($"Scheduler tick, {large.Partnerships} partnerships × 6 activities",
                string.Create(CultureInfo.InvariantCulture, $"{large.Tick.TotalMilliseconds:F0} ms, {large.Commands} queries, {large.Messages} messages"),
                "≤ 1 s, constant queries", large.Tick.TotalMilliseconds <= 1000 && constant));
            rows.Add(new($"  same tick, {small.Partnerships} partnerships",
                string.Create(CultureInfo.InvariantCulture, $"{small.Tick.TotalMilliseconds:F0} ms, {small.Commands} queries, {small.Messages} messages"),
                "same queries", constant));

            Print(output, options, rows);
            return new Report(rows);
        }

        private static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{ms:F1} ms");

        private static void Print(TextWriter output, BenchOptions options, List<Row> rows)
        {
            output.WriteLine();
            output.WriteLine($"CcapBot benchmark — {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, SQLite");
            output.WriteLine($"Reproduce: {options.CommandLine()}");
            output.WriteLine();
            var w = rows.Max(r => r.Measure.Length);
            var v = rows.Max(r => r.Value.Length);
            output.WriteLine($"{"Measure".PadRight(w)}  {"Result".PadRight(v)}  Target");
            output.WriteLine($"{new string('-', w)}  {new string('-', v)}  ------");
            foreach (var r in rows)
            {
                var mark = r.Met switch { true => "  ✓", false => "  ✗ missed", null => "" };
                output.WriteLine($"{r.Measure.PadRight(w)}  {r.Value.PadRight(v)}  {r.Target}{mark}");
            }
        }
    }
}
