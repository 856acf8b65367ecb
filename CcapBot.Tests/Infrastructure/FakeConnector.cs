using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CcapBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CcapBot.Tests.Infrastructure;

/// <summary>
/// A Connector REST API on a real loopback port (the channel side of the bot's outbound calls). It
/// records every call and answers 200 with a fresh id unless <see cref="Respond"/> says otherwise.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _nextId;

    /// <summary>Decides the answer to a call: null = 200 with a new id.</summary>
    public Func<ConnectorCall, (int Status, string? Body, IDictionary<string, string>? Headers)?> Respond { get; set; } = _ => null;

    private FakeConnector(WebApplication app) => _app = app;

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeConnector(app);
        app.Map("/v3/{**path}", fake.HandleAsync);
        await app.StartAsync();
        fake.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return fake;
    }

    public string ServiceUrl { get; private set; } = "";
    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];
    public IEnumerable<Activity> Sent => Calls.Where(c => c.Activity is not null && c.Method != "PUT").Select(c => c.Activity!);

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        Activity? activity = null;
        if (body.Length > 0)
        {
            try { activity = JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.Activity); } catch (JsonException) { }
        }
        // The raw target shows how the client escaped ids (the decoded Path would hide it).
        var rawTarget = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        var call = new ConnectorCall(http.Request.Method, rawTarget, http.Request.Headers.Authorization.ToString(), body, activity);
        var answer = Respond(call);
        if (answer is { } a)
        {
            _calls.Enqueue(call with { Status = a.Status });
            http.Response.StatusCode = a.Status;
            foreach (var (k, v) in a.Headers ?? new Dictionary<string, string>()) http.Response.Headers[k] = v;
            if (a.Body is not null) await http.Response.WriteAsync(a.Body);
            _arrived.Release();
            return;
        }
        _calls.Enqueue(call with { Status = 200 });
        _arrived.Release();
        await http.Response.WriteAsJsonAsync(new ResourceResponse { Id = $"sent-{Interlocked.Increment(ref _nextId)}" }, ProtocolJsonContext.Default.ResourceResponse);
    }

    /// <summary>Waits until at least <paramref name="count"/> calls matching the filter have arrived.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForAsync(int count, Func<ConnectorCall, bool>? filter = null, TimeSpan? timeout = null)
    {
        filter ??= c => c.Activity?.Type != ActivityTypes.Typing;
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var matching = Calls.Where(filter).ToList();
            if (matching.Count >= count) return matching;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"Expected {count} connector calls, got {matching.Count}: {string.Join(", ", Calls.Select(c => c.Method + " " + c.Path))}");
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}

public sealed record ConnectorCall(string Method, string Path, string Authorization, string Body, Activity? Activity, int Status = 0);
