using System.Globalization;

namespace CcapBot.Bench;

internal sealed record BenchOptions
{
    public int Concurrency { get; init; } = 64;
    public TimeSpan ClosedDuration { get; init; } = TimeSpan.FromSeconds(10);
    public double Rate { get; init; } = 500;
    public TimeSpan OpenDuration { get; init; } = TimeSpan.FromSeconds(10);
    public int MemoryConversations { get; init; } = 1000;
    public int Partnerships { get; init; } = 10_000;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);
    public Script Script { get; init; } = Script.Default;
    public bool Help { get; init; }

    public const string Usage = """
        CcapBot benchmark: turn throughput and latency, floor ratio, memory, scheduler tick, cold start.
        Runs the Release bot as a separate process against local stand-ins for Microsoft (OpenID/JWKS,
        token endpoint, Connector) on loopback, with authentication on and SQLite state.

        dotnet run -c Release --project bench/CcapBot.Bench -- [options]

          --concurrency N      closed-loop conversations in parallel          (default 64)
          --closed-seconds S   closed-loop measurement time                   (default 10)
          --rate R             open-loop arrival rate, turns per second       (default 500)
          --open-seconds S     open-loop measurement time                     (default 10)
          --memory N           live conversations mid-form for peak memory    (default 1000)
          --partnerships N     partnerships for the scheduler tick            (default 10000)
          --warmup S           warm-up before each measured phase             (default 3)
          --script NAME        what each user types: registration or profile  (default registration)
          --quick              tiny run (smoke test): 4 conversations, 1 s phases, 20 live conversations
          --help               this text
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--concurrency" => o with { Concurrency = (int)Number() },
                "--closed-seconds" => o with { ClosedDuration = TimeSpan.FromSeconds(Number()) },
                "--rate" => o with { Rate = Number() },
                "--open-seconds" => o with { OpenDuration = TimeSpan.FromSeconds(Number()) },
                "--memory" => o with { MemoryConversations = (int)Number() },
                "--partnerships" => o with { Partnerships = (int)Number() },
                "--warmup" => o with { Warmup = TimeSpan.FromSeconds(Number()) },
                "--script" => o with { Script = Script.Named(Next()) },
                "--quick" => o with
                {
                    Concurrency = 4, ClosedDuration = TimeSpan.FromSeconds(1), Rate = 20, OpenDuration = TimeSpan.FromSeconds(1),
                    MemoryConversations = 20, Partnerships = 50, Warmup = TimeSpan.Zero,
                },
                "--help" or "-h" => o with { Help = true },
                var other => throw new ArgumentException($"Unknown option {other}.\n\n{Usage}"),
            };
        }
        return o;
    }

    public string CommandLine(string extra = "") =>
        FormattableString.Invariant($"dotnet run -c Release --project bench/CcapBot.Bench -- --concurrency {Concurrency} --closed-seconds {ClosedDuration.TotalSeconds} --rate {Rate} --open-seconds {OpenDuration.TotalSeconds} --memory {MemoryConversations} --partnerships {Partnerships}{(Script == Script.Default ? "" : " --script " + Script.Name.Split(' ')[0])}{extra}");
}
