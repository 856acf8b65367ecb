using System.Diagnostics;
using System.Net;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CcapBot.Tests.Deployment;

/// <summary>
/// `docker build` cannot run here, so this runs what the Dockerfile's build stage runs (deployment/publish.sh,
/// the same script and arguments), checks what it produced, and starts the output as the runtime stage
/// would: `dotnet CcapBot.dll` with settings from the environment.
/// Slow (a Release publish): filter it out with --filter "Category!=Slow" when iterating.
/// </summary>
public sealed partial class PublishTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ccapbot-publish-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    [GeneratedRegex(@"^RUN bash deployment/publish\.sh (?<output>\S+)$", RegexOptions.Multiline)]
    private static partial Regex PublishStep();

    [GeneratedRegex(@"^FROM (?<image>\S+)(?: AS (?<stage>\w+))?$", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^COPY (?!--from)(?<sources>.+) \S+$", RegexOptions.Multiline)]
    private static partial Regex CopyFromContext();

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task DockerfilePublish_ProducesARunnableService_WithCardsLocalizationAndWebAssets()
    {
        // The Dockerfile: SDK build stage → ASP.NET Core runtime stage of the service's .NET version, non-root, port 8080.
        var dockerfile = await File.ReadAllTextAsync(Repository.PathOf("deployment", "Dockerfile"), TestContext.Current.CancellationToken);
        var version = System.Xml.Linq.XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("TargetFramework").Single().Value["net".Length..];
        var stages = FromLine().Matches(dockerfile).Select(m => (Image: m.Groups["image"].Value, Stage: m.Groups["stage"].Value)).ToList();
        Assert.Equal([($"mcr.microsoft.com/dotnet/sdk:{version}", "build"), ($"mcr.microsoft.com/dotnet/aspnet:{version}", "runtime")], stages);
        var runtimeStage = dockerfile[dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];
        Assert.Contains("USER $APP_UID", runtimeStage, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", runtimeStage, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"CcapBot.dll\"]", runtimeStage, StringComparison.Ordinal);
        foreach (var source in CopyFromContext().Matches(dockerfile).SelectMany(m => m.Groups["sources"].Value.Split(' ')))
            Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"the Dockerfile copies {source}, which is not in the repository");
        var publishStep = PublishStep().Match(dockerfile);
        Assert.True(publishStep.Success, "the build stage publishes with deployment/publish.sh");
        Assert.Equal("/app", publishStep.Groups["output"].Value);
        Assert.Contains("COPY --from=build /app ./", runtimeStage, StringComparison.Ordinal);

        // The same step, into a folder of our own instead of /app.
        var output = Path.Combine(_work, "app");
        var publish = await Processes.RunAsync("bash", [Repository.PathOf("deployment", "publish.sh"), output], timeout: TimeSpan.FromMinutes(8));
        Assert.True(publish.ExitCode == 0, publish.ToString());

        var dll = Path.Combine(output, "CcapBot.dll");
        Assert.True(File.Exists(dll));
        Assert.False(File.Exists(Path.Combine(output, "CcapBot")), "no native launcher: the image starts dotnet CcapBot.dll");
        using (var pe = new PEReader(File.OpenRead(dll)))
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "CcapBot.dll is compiled ahead of time (ReadyToRun): it halves start-up");
        var runtimeConfig = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "CcapBot.runtimeconfig.json"), TestContext.Current.CancellationToken))!;
        Assert.Contains(runtimeConfig["runtimeOptions"]!["frameworks"]!.AsArray(),
            f => f!["name"]!.GetValue<string>() == "Microsoft.AspNetCore.App" && f["version"]!.GetValue<string>().StartsWith(version + ".", StringComparison.Ordinal));

        // Cards and strings travel inside the assembly; the web page's files beside it.
        var resources = ManifestResources(dll);
        foreach (var card in Directory.GetFiles(Repository.PathOf("cards"), "*.json"))
            Assert.Contains($"cards/{Path.GetFileName(card)}", resources);
        foreach (var strings in Directory.GetFiles(Repository.PathOf("CcapBot", "Localization"), "Strings.*.json"))
            Assert.Contains($"CcapBot.Localization.{Path.GetFileName(strings)}", resources);
        var webRoot = Repository.PathOf("CcapBot", "wwwroot");
        if (Directory.Exists(webRoot))
        {
            foreach (var file in Directory.GetFiles(webRoot, "*", SearchOption.AllDirectories))
                Assert.True(File.Exists(Path.Combine(output, "wwwroot", Path.GetRelativePath(webRoot, file))), $"wwwroot/{Path.GetRelativePath(webRoot, file)} is not published");
        }
        Assert.Empty(Directory.GetFiles(output, "*.db", SearchOption.AllDirectories));

        // As the container starts it: Production, nothing configured → refuses, naming the setting.
        var refused = await Processes.RunAsync("dotnet", [dll], workingDirectory: output,
            environment: new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Bot:AppId is required in the Production environment", refused.Output + refused.Error, StringComparison.Ordinal);

        // Configured as the Bicep template configures App Service (SQLite standing in for Azure SQL) → serves /ready.
        await using var service = ServiceProcess.Start(dll, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Bot__AppId"] = "6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e",
            ["Bot__AppType"] = "UserAssignedMSI",
            ["Bot__TenantId"] = "0b1c2d3e-4f5a-4b6c-9d8e-7f6a5b4c3d2e",
            ["Bot__ManagedIdentityClientId"] = "6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e",
            ["ConnectionStrings__CcapBot"] = $"Data Source={Path.Combine(_work, "ccapbot.db")}",
        });
        var url = await service.ListeningAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/ready", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static HashSet<string> ManifestResources(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).ToHashSet();
    }

    /// <summary>The published service as a child process, stopped (killed) when the test ends.</summary>
    private sealed class ServiceProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        private ServiceProcess(Process process) => _process = process;

        public static ServiceProcess Start(string dll, IReadOnlyDictionary<string, string?> environment)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(dll);
            foreach (var (key, value) in environment) start.Environment[key] = value;
            var service = new ServiceProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
            service._process.OutputDataReceived += (_, e) => service.Read(e.Data);
            service._process.ErrorDataReceived += (_, e) => service.Read(e.Data);
            service._process.Exited += (_, _) => service._listening.TrySetException(new InvalidOperationException($"The service exited:{Environment.NewLine}{string.Join(Environment.NewLine, service._lines)}"));
            service._process.Start();
            service._process.BeginOutputReadLine();
            service._process.BeginErrorReadLine();
            return service;
        }

        private void Read(string? line)
        {
            if (line is null) return;
            _lines.Enqueue(line);
            if (Listening().Match(line) is { Success: true } m) _listening.TrySetResult(m.Groups["url"].Value);
        }

        public Task<string> ListeningAsync() => _listening.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
