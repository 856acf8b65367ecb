using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace CcapBot.Bench;

/// <summary>
/// The bot under test, as its own process (Release build, Production-like settings, its own SQLite
/// file), so memory and start-up are the bot's alone.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataFolder;

    private BotProcess(Process process, string dataFolder, Uri baseAddress, Stopwatch sinceStart)
    {
        _process = process;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
        SinceStart = sinceStart;
    }

    public Uri BaseAddress { get; }
    public Stopwatch SinceStart { get; }
    public int ProcessId => _process.Id;

    /// <summary>CPU time the bot process has used so far (user + kernel): a cost that neighbours on the machine do not inflate.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static string DllPath => typeof(BotProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CcapBotDll").Value!;

    public static BotProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.GetFullPath(DllPath);
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build CcapBot first (dotnet build -c Release): {dll}");
        var port = FreePort();
        var dataFolder = Directory.CreateTempSubdirectory("ccapbot-bench-").FullName;
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__CcapBot"] = $"Data Source={Path.Combine(dataFolder, "bench.db")}";
        info.Environment["Database__MigrateOnStartup"] = "true";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Turns__TypingDelay"] = "00:00:00";
        foreach (var (k, v) in settings) info.Environment[k] = v;

        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the bot.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[bot] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, dataFolder, new Uri($"http://127.0.0.1:{port}/"), sinceStart);
    }

    /// <summary>Waits until /alive answers (the process listens).</summary>
    public async Task WaitUntilListeningAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The bot exited with code {_process.ExitCode}.");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "alive"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(5);
        }
        throw new TimeoutException("The bot did not start listening.");
    }

    /// <summary>Peak resident set size (VmHWM) and current (VmRSS) from /proc, in bytes.</summary>
    public (long Peak, long Current) Memory()
    {
        long peak = 0, current = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kb(line);
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) current = Kb(line);
        }
        return (peak, current);

        static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
