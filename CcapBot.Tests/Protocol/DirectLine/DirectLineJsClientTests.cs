using System.Diagnostics;
using System.Text.Json;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Protocol.DirectLine;

/// <summary>
/// Microsoft's own Direct Line client (botframework-directlinejs, the one inside Web Chat) against the
/// local service on real Kestrel: start, post "hi", receive the welcome card, the echo and the reply.
/// </summary>
public sealed class DirectLineJsClientTests
{
    [Theory]
    [InlineData("polling")]
    [InlineData("websocket")]
    public async Task OfficialClient_StartsPostsAndReceivesTheReply(string mode)
    {
        await using var app = new CcapBotFactory().WithKestrel();

        var result = await RunNodeAsync("directline-client.js", app.BaseAddress.AbsoluteUri, mode);

        var root = result.RootElement;
        Assert.Equal(["Uninitialized", "Connecting", "Online"], root.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
        var welcome = root.GetProperty("welcome");
        Assert.Equal(Attachment.AdaptiveCardContentType, welcome.GetProperty("contentType").GetString());
        Assert.Equal("Welcome to the CCAP City-to-City Cooperation assistant", welcome.GetProperty("title").GetString());
        var echo = root.GetProperty("echo");
        Assert.Equal(root.GetProperty("postedId").GetString(), echo.GetProperty("id").GetString());
        Assert.StartsWith("client-", echo.GetProperty("clientActivityID").GetString(), StringComparison.Ordinal);
        Assert.Equal("hi", echo.GetProperty("text").GetString());
        Assert.Equal(root.GetProperty("userId").GetString(), echo.GetProperty("fromId").GetString());
        Assert.Equal(Channels.WebChat, echo.GetProperty("channelId").GetString());
        Assert.Equal(echo.GetProperty("id").GetString(), root.GetProperty("reply").GetProperty("replyToId").GetString());
        var ids = root.GetProperty("receivedIds").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count); // each activity delivered once

        var conversationId = root.GetProperty("conversationId").GetString();
        var stored = await app.QueryAsync(db => db.DirectLineActivities.Where(a => a.ConversationId == conversationId).Select(a => a.ActivityId).ToListAsync());
        Assert.Equal(ids.Order(), stored.Order());
    }

    /// <summary>Runs a script of CcapBot.Tests/Js (its node_modules installed by the test build) and parses its JSON output.</summary>
    internal static async Task<JsonDocument> RunNodeAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = JsDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var stdout = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }
        var output = await stdout;
        Assert.True(node.ExitCode == 0, $"node {script} exited {node.ExitCode}: {await stderr}\n{output}");
        return JsonDocument.Parse(output);
    }

    private static string JsDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var js = Path.Combine(dir.FullName, "CcapBot.Tests", "Js");
                if (File.Exists(Path.Combine(dir.FullName, "CcapBot.Tests.csproj"))) js = Path.Combine(dir.FullName, "Js");
                if (Directory.Exists(Path.Combine(js, "node_modules"))) return js;
            }
            throw new InvalidOperationException("CcapBot.Tests/Js/node_modules not found: build CcapBot.Tests (it runs npm ci there).");
        }
    }
}
