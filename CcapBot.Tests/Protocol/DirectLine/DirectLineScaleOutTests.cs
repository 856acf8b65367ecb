using System.Net;
using CcapBot.Tests.Infrastructure;

namespace CcapBot.Tests.Protocol.DirectLine;

/// <summary>Two instances on one database: the stream held by one sees what the other writes.</summary>
public sealed class DirectLineScaleOutTests
{
    private const string Secret = "scale-out-direct-line-secret-0123456789";

    [Fact]
    public async Task StreamOnInstanceA_ReceivesWhatInstanceBWrote()
    {
        await using var a = new CcapBotFactory().With("DirectLine:Secret", Secret).WithKestrel();
        await using var b = new CcapBotFactory(a.DatabaseFile) { OwnsDatabaseFile = false }.With("DirectLine:Secret", Secret).WithKestrel();
        using var clientA = new DirectLineDriver(a.BaseAddress);
        using var clientB = new DirectLineDriver(b.BaseAddress);
        var session = await clientA.SessionAsync();
        var (status, conversation) = await clientA.StartAsync(session.Token);
        Assert.Equal(HttpStatusCode.Created, status);
        using var socket = await DirectLineDriver.ConnectAsync(conversation!.StreamUrl!);
        await DirectLineDriver.ReceiveUntilAsync(socket, r => r.Count >= 1); // the welcome

        // Same token on the other instance (same secret, same keys): the turn runs there.
        var id = await clientB.SayAsync(session, "via B", "client-b");

        var received = await DirectLineDriver.ReceiveUntilAsync(socket, r => r.Any(x => x.ReplyToId == id));
        Assert.Equal("client-b", received.Single(x => x.Id == id).ClientActivityId());
        Assert.Equal(b.BaseAddress.AbsoluteUri, received.Single(x => x.Id == id).ServiceUrl);
    }
}
