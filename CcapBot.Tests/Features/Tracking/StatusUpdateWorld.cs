using CcapBot.Domain;
using CcapBot.Features.StatusUpdates;
using CcapBot.Persistence;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>
/// One app for status updates in words: Ho Chi Minh City works with Kitakyushu on six activities (one titled in
/// Vietnamese); Da Nang is in two partnerships (so "activity 2" names two activities for its representative);
/// Bangkok has a partnership of its own with Yokohama.
/// </summary>
public sealed class StatusUpdateWorld : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 3, 0, 0, TimeSpan.Zero);

    public static readonly string[] Titles =
    [
        "Emissions inventory of industrial zones", "Port emissions questionnaire", "Monitoring network review",
        "Study tour to Kitakyushu", "Kiểm kê phát thải giao thông", "Final workshop and report",
    ];

    private int _conversations;

    public FakeTimeProvider Clock { get; } = new(Now);
    /// <summary>Settings for the app, before it starts.</summary>
    public Func<CcapBotFactory, CcapBotFactory> Configure { get; set; } = bot => bot;
    public FakeConnector Connector { get; private set; } = null!;
    public CcapBotFactory Bot { get; private set; } = null!;
    internal Person Hcm { get; private set; } = null!;
    internal Person DaNang { get; private set; } = null!;
    internal Person Bangkok { get; private set; } = null!;
    internal Person Nobody { get; private set; } = null!;
    public int PartnershipId { get; private set; }
    public int BangkokPartnershipId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        Bot = Configure(TrackingWorld.Host(Connector, Clock));
        await TrackingWorld.WithDbAsync(Bot, async db =>
        {
            City City(string name, string zone) => db.Cities.Local.First(c => c.Name == name);
            foreach (var (name, country, zone) in new[] { ("Ho Chi Minh City", "VN", "Asia/Ho_Chi_Minh"), ("Kitakyushu", "JP", "Asia/Tokyo"), ("Da Nang", "VN", "Asia/Ho_Chi_Minh"), ("Yokohama", "JP", "Asia/Tokyo"), ("Bangkok", "TH", "Asia/Bangkok"), ("Chiang Mai", "TH", "Asia/Bangkok") })
                await TrackingWorld.CityAsync(db, name, country, zone, Now);
            Hcm = await TrackingWorld.RepresentativeAsync(db, City("Ho Chi Minh City", ""), "hcm", "Asia/Ho_Chi_Minh", Connector.ServiceUrl, Now);
            var kit = await TrackingWorld.RepresentativeAsync(db, City("Kitakyushu", ""), "kit", "Asia/Tokyo", Connector.ServiceUrl, Now);
            DaNang = await TrackingWorld.RepresentativeAsync(db, City("Da Nang", ""), "dn", "Asia/Ho_Chi_Minh", Connector.ServiceUrl, Now);
            var yok = await TrackingWorld.RepresentativeAsync(db, City("Yokohama", ""), "yok", "Asia/Tokyo", Connector.ServiceUrl, Now);
            Bangkok = await TrackingWorld.RepresentativeAsync(db, City("Bangkok", ""), "bkk", "Asia/Bangkok", Connector.ServiceUrl, Now);
            Nobody = await TrackingWorld.RepresentativeAsync(db, City("Chiang Mai", ""), "cm", "Asia/Bangkok", Connector.ServiceUrl, Now);
            var today = DateOnly.FromDateTime(Now.UtcDateTime);
            PartnershipId = (await TrackingWorld.ActivePartnershipAsync(db, kit, Hcm,
                [.. Titles.Select((t, i) => (t, i % 2 == 0 ? Hcm : kit, today.AddDays(14 * (i + 1))))], today.AddMonths(6), Now)).Id;
            await TrackingWorld.ActivePartnershipAsync(db, kit, DaNang, [.. Enumerable.Range(1, 4).Select(i => ($"Bike-sharing step {i}", DaNang, today.AddMonths(i)))], today.AddMonths(5), Now);
            await TrackingWorld.ActivePartnershipAsync(db, yok, DaNang, [.. Enumerable.Range(1, 4).Select(i => ($"Port operations step {i}", DaNang, today.AddMonths(i)))], today.AddMonths(5), Now);
            BangkokPartnershipId = (await TrackingWorld.ActivePartnershipAsync(db, yok, Bangkok, [.. Enumerable.Range(1, 4).Select(i => ($"Street food step {i}", Bangkok, today.AddMonths(i)))], today.AddMonths(5), Now)).Id;
            return 0;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }

    /// <summary>A new 1:1 conversation of <paramref name="person"/> with the bot (already welcomed), so each case starts clean.</summary>
    internal async Task<BotConversation> ConversationAsync(Person person, string locale = "en-US")
    {
        var id = $"a:{person.UserId}-{Interlocked.Increment(ref _conversations)}";
        await TrackingWorld.WithDbAsync(Bot, async db =>
        {
            await TrackingWorld.MemberAsync(db, person with { ConversationId = id }, Connector.ServiceUrl, Now);
            return 0;
        });
        return new BotConversation(Bot.CreateClient(), Connector, id, locale: locale) { UserId = person.UserId };
    }

    /// <summary>The question waiting in a conversation, if any.</summary>
    public Task<StatusProposal?> ProposalAsync(string conversationId) => TrackingWorld.WithDbAsync(Bot, async db =>
        await db.PendingStatusUpdates.AsNoTracking().Where(p => p.ConversationId == conversationId).Select(p => p.Proposal).FirstOrDefaultAsync() is { } json
            ? StatusProposal.FromJson(json) : null);

    public Task<Dictionary<int, int>> ActivityIdsAsync(int partnershipId) => TrackingWorld.WithDbAsync(Bot, db =>
        db.PartnershipActivities.Where(a => a.PartnershipId == partnershipId).ToDictionaryAsync(a => a.Id, a => a.Number));

    public Task<string> SnapshotAsync() => TrackingWorld.WithDbAsync(Bot, async db =>
        string.Join("|", await db.PartnershipActivities.OrderBy(a => a.Id).Select(a => $"{a.Id}/{a.Status}/{a.LastNote}").ToListAsync())
        + "#" + await db.ActivityUpdates.CountAsync());
}
