using CcapBot.Features.StatusUpdates;
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
    public Action<CcapBotFactory>? Configure { get; set; }
    public BotWorld Bot { get; private set; } = null!;
    public Person Hcm { get; private set; } = null!;
    public Person DaNang { get; private set; } = null!;
    public Person Bangkok { get; private set; } = null!;
    public Person Nobody { get; private set; } = null!;
    public int PartnershipId { get; private set; }
    public int BangkokPartnershipId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Bot = await BotWorld.StartAsync(ActivePartnerships.Options(Clock) with { Configure = Configure });
        await Bot.SeedAsync(async seed =>
        {
            async Task<Person> RepresentativeAsync(string city, string country, string zone, string key) =>
                await seed.TeamsRepresentativeAsync(await seed.CityAsync(city, country, zone), key, zone);
            Hcm = await RepresentativeAsync("Ho Chi Minh City", "VN", "Asia/Ho_Chi_Minh", "hcm");
            var kit = await RepresentativeAsync("Kitakyushu", "JP", "Asia/Tokyo", "kit");
            DaNang = await RepresentativeAsync("Da Nang", "VN", "Asia/Ho_Chi_Minh", "dn");
            var yok = await RepresentativeAsync("Yokohama", "JP", "Asia/Tokyo", "yok");
            Bangkok = await RepresentativeAsync("Bangkok", "TH", "Asia/Bangkok", "bkk");
            Nobody = await RepresentativeAsync("Chiang Mai", "TH", "Asia/Bangkok", "cm");
            var today = DateOnly.FromDateTime(Now.UtcDateTime);
            PartnershipId = (await seed.ActivePartnershipAsync(kit, Hcm,
                [.. Titles.Select((t, i) => (t, i % 2 == 0 ? Hcm : kit, today.AddDays(14 * (i + 1))))], today.AddMonths(6))).Id;
            await seed.ActivePartnershipAsync(kit, DaNang, [.. Enumerable.Range(1, 4).Select(i => ($"Bike-sharing step {i}", DaNang, today.AddMonths(i)))], today.AddMonths(5));
            await seed.ActivePartnershipAsync(yok, DaNang, [.. Enumerable.Range(1, 4).Select(i => ($"Port operations step {i}", DaNang, today.AddMonths(i)))], today.AddMonths(5));
            BangkokPartnershipId = (await seed.ActivePartnershipAsync(yok, Bangkok, [.. Enumerable.Range(1, 4).Select(i => ($"Street food step {i}", Bangkok, today.AddMonths(i)))], today.AddMonths(5))).Id;
        });
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();

    /// <summary>A new 1:1 conversation of <paramref name="person"/> with the bot (already welcomed), so each case starts clean.</summary>
    public async Task<BotConversation> ConversationAsync(Person person, string locale = "en-US")
    {
        var fresh = person with { ConversationId = $"a:{person.UserId}-{Interlocked.Increment(ref _conversations)}" };
        await Bot.SeedAsync(seed => seed.ConversationAsync(fresh));
        return Bot.Chat(fresh, locale);
    }

    /// <summary>The question waiting in a conversation, if any.</summary>
    public Task<StatusProposal?> ProposalAsync(string conversationId) => Bot.QueryAsync(async db =>
        await db.PendingStatusUpdates.AsNoTracking().Where(p => p.ConversationId == conversationId).Select(p => p.Proposal).FirstOrDefaultAsync() is { } json
            ? StatusProposal.FromJson(json) : null);

    public Task<Dictionary<int, int>> ActivityIdsAsync(int partnershipId) => Bot.QueryAsync(db =>
        db.PartnershipActivities.Where(a => a.PartnershipId == partnershipId).ToDictionaryAsync(a => a.Id, a => a.Number));

    public Task<string> SnapshotAsync() => Bot.QueryAsync(async db =>
        string.Join("|", await db.PartnershipActivities.OrderBy(a => a.Id).Select(a => $"{a.Id}/{a.Status}/{a.LastNote}").ToListAsync())
        + "#" + await db.ActivityUpdates.CountAsync());
}
