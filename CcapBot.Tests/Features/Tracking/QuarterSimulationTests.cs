using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using CcapBot.Domain;
using CcapBot.Persistence;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>
/// A quarter of one partnership on a fake clock (4 January – 3 April 2027): six activities, three representatives
/// in Ho Chi Minh City, Tokyo and Los Angeles (one with her own working hours, away for a week), a coordinator in
/// Berlin, people outside the partnership. The scheduler ticks every hour, the outbox sends whatever is due, and
/// people act on the way (an update in words, a check-in, a snooze). Every message that should go out is listed
/// below with the local time it must arrive; each arrives exactly once, at that time. Daylight saving starts in Los
/// Angeles (14 March) and Berlin (28 March) during the quarter. The same quarter runs on one host, on two hosts
/// sharing the database, and with a restart half-way: the same messages, each once.
/// </summary>
public sealed class QuarterSimulationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2027, 4, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MeetingAt = new(2027, 1, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Restart = new(2027, 2, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly ConcurrentQueue<(string Path, string Body, DateTimeOffset At)> _deliveries = new();
    private readonly List<BotWorld> _hosts = [];
    private FakeConnector _connector = null!;
    private string _file = "";

    private Person _hcm = null!, _la = null!, _kit = null!, _coordinator = null!, _outsider = null!, _stranger = null!;
    private int _partnershipId, _meetingId;
    private Dictionary<int, int> _activityIds = [];

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _connector.Respond = call =>
        {
            _deliveries.Enqueue((call.Path, call.Body, _clock.GetUtcNow()));
            return null;
        };
        _file = Path.Combine(Path.GetTempPath(), $"ccapbot-quarter-{Guid.NewGuid():N}.db");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        await _connector.DisposeAsync();
        CcapBotFactory.DeleteDatabase(_file);
    }

    public enum Mode
    {
        OneHost,
        TwoHosts,
        RestartHalfWay,
    }

    [Theory]
    [InlineData(Mode.OneHost)]
    [InlineData(Mode.TwoHosts)]
    [InlineData(Mode.RestartHalfWay)]
    public async Task AQuarter_EveryReminderCheckInAndDigest_GoesOutOnce_InsideWorkingHours(Mode mode)
    {
        var first = await NewHostAsync();
        var second = mode == Mode.TwoHosts ? await NewHostAsync() : null;
        await SetUpAsync(first);
        var hosts = second is null ? new List<BotWorld> { first } : [first, second];

        for (var now = Start; now <= End; now = now.AddHours(1))
        {
            if (mode == Mode.RestartHalfWay && now == Restart)
            {
                await first.DisposeAsync();
                _hosts.Remove(first);
                first = await NewHostAsync();
                hosts = [first];
            }
            await DeliverUntilAsync(hosts, now);
            // Two instances tick in turn, in an order that changes, like independent timers would.
            foreach (var host in now.Hour % 2 == 0 ? hosts : Enumerable.Reverse(hosts))
                await host.TickAsync();
            await RunOutboxAsync(hosts);
            await ActAsync(first, now);
        }
        // Whatever the last ticks queued is delivered when its time comes.
        await DeliverUntilAsync(hosts, End.AddDays(4));

        var sent = await SentAsync(first);
        var expected = Expected();
        Assert.Equal(expected.Select(e => e.Id).Order(StringComparer.Ordinal), sent.Keys.Order(StringComparer.Ordinal));
        foreach (var e in expected)
        {
            var row = sent[e.Id];
            Assert.True(row.Local == e.Local, $"{e.Id}: arrived {row.Local:yyyy-MM-dd HH:mm}, expected {e.Local:yyyy-MM-dd HH:mm} ({e.To.TimeZone})");
        }

        // Exactly one delivery per message, at its time, inside the recipient's working hours, and nothing to anyone else.
        var deliveries = _deliveries.Where(d => d.Path.EndsWith("/activities", StringComparison.Ordinal)).ToList();
        Assert.Equal(sent.Count, deliveries.Count);
        foreach (var (id, row) in sent)
        {
            // A snoozed message comes back with the same card: deliveries are told apart by their time too.
            var matching = deliveries.Where(d => d.At == row.SentAt && d.Path.Contains(Uri.EscapeDataString(row.To.ConversationId), StringComparison.Ordinal) && Same(d.Body, row.Activity)).ToList();
            Assert.True(matching.Count == 1, $"{id} was delivered {matching.Count} times at {row.SentAt:O}");
            Assert.Equal(row.DueAt, row.SentAt);
            Assert.True(InWorkingHours(row.To, row.SentAt), $"{id} arrived outside {row.To.UserId}'s working hours: {row.SentAt:O}");
        }
        Assert.DoesNotContain(_deliveries, d => d.Path.Contains(Uri.EscapeDataString(_outsider.ConversationId), StringComparison.Ordinal)
            || d.Path.Contains(Uri.EscapeDataString(_stranger.ConversationId), StringComparison.Ordinal));
        Assert.Equal(0, await first.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending)));
    }

    /// <summary>Every message of the quarter, with the local time it arrives (recipient's zone).</summary>
    private List<(string Id, Person To, DateTime Local)> Expected()
    {
        var list = new List<(string, Person, DateTime)>();
        void Add(string id, Person to, string local) => list.Add(($"{id}@{to.UserId}", to, DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));

        // The launch meeting (Thu 7 Jan 09:00 in Ho Chi Minh City). The last reminder falls outside working hours
        // for Ho Chi Minh City (08:00) and Los Angeles (17:00 the day before): not sent.
        Add("meet-first", _hcm, "2027-01-06 09:00");
        Add("meet-first", _kit, "2027-01-06 11:00");
        Add("meet-first", _la, "2027-01-06 08:00");
        Add("meet-last", _kit, "2027-01-07 10:00");

        // Check-ins every 14 days from activation (7 Jan 03:00 UTC), to each owner with open activities.
        string[] checkIns = ["01-21", "02-04", "02-18", "03-04", "03-18", "04-01"];
        foreach (var day in checkIns)
        {
            Add($"checkin:{day}", _hcm, $"2027-{day} 10:00");
            Add($"checkin:{day}", _kit, $"2027-{day} 12:00");
            // Los Angeles: the evening before, so the next morning at 08:00 (her own hours); away 15–21 February.
            Add($"checkin:{day}", _la, day == "02-18" ? "2027-02-22 08:00" : $"2027-{day} 08:00");
        }

        // Activity 1 (Ho Chi Minh City, due 29 Jan), done on 27 Jan.
        Add("due7:1", _hcm, "2027-01-22 09:00");
        Add("due7:1", _la, "2027-01-21 09:00");
        // Activity 2 (Kitakyushu, due 12 Feb), never done: overdue every Saturday, delivered on Mondays.
        Add("due7:2", _kit, "2027-02-05 09:00");
        Add("due0:2", _kit, "2027-02-12 09:00");
        string[] mondays = ["02-15", "02-22", "03-01", "03-08", "03-15", "03-22", "03-29", "04-05"];
        for (var k = 0; k < mondays.Length; k++) Add($"overdue{k}:2", _kit, $"2027-{mondays[k]} 09:00");
        // Activity 3 (Ho Chi Minh City, due 26 Feb), done in the 4 March check-in. Los Angeles was away when it came due soon.
        Add("due7:3", _hcm, "2027-02-19 09:00");
        Add("due7:3", _la, "2027-02-22 08:00");
        Add("due0:3", _hcm, "2027-02-26 09:00");
        Add("due0:3", _la, "2027-02-25 09:00");
        Add("overdue0:3", _hcm, "2027-03-01 09:00");
        Add("overdue0:3", _la, "2027-02-26 09:00");
        // Activity 4 (Kitakyushu, due 12 Mar).
        Add("due7:4", _kit, "2027-03-05 09:00");
        Add("due0:4", _kit, "2027-03-12 09:00");
        Add("overdue0:4", _kit, "2027-03-15 09:00");
        Add("overdue1:4", _kit, "2027-03-22 09:00");
        Add("overdue2:4", _kit, "2027-03-29 09:00");
        Add("overdue3:4", _kit, "2027-04-05 09:00");
        // Activity 5 (Ho Chi Minh City, due 19 Mar). Ho Chi Minh City snoozes its due-soon reminder for a week at
        // 10:00 on 12 Mar: it comes back, and the due-today reminder waits, until 10:00 on 19 Mar.
        Add("due7:5", _hcm, "2027-03-12 09:00");
        Add("due7:5", _la, "2027-03-11 09:00");
        Add("snoozed-due7:5", _hcm, "2027-03-19 10:00");
        Add("due0:5", _hcm, "2027-03-19 10:00");
        Add("due0:5", _la, "2027-03-18 10:00");
        Add("overdue0:5", _hcm, "2027-03-22 09:00");
        Add("overdue0:5", _la, "2027-03-19 10:00");
        Add("overdue1:5", _hcm, "2027-03-29 09:00");
        Add("overdue1:5", _la, "2027-03-26 10:00");
        Add("overdue2:5", _hcm, "2027-04-05 09:00");
        Add("overdue2:5", _la, "2027-04-02 10:00");
        // Activity 6 (Kitakyushu, due Wed 31 Mar).
        Add("due7:6", _kit, "2027-03-24 09:00");
        Add("due0:6", _kit, "2027-03-31 09:00");
        Add("overdue0:6", _kit, "2027-04-01 09:00");

        // The coordinator in Berlin: the digest every Monday at 09:00, a registration waiting from 1 Feb until
        // reviewed on 15 Feb, a mentor offer waiting from 1 Mar, no update since 27 Jan, completion on 15 Apr.
        foreach (var monday in new[] { "01-04", "01-11", "01-18", "01-25", "02-01", "02-08", "02-15", "02-22", "03-01", "03-08", "03-15", "03-22", "03-29" })
            Add($"digest:{monday}", _coordinator, $"2027-{monday} 09:00");
        Add("regwait0", _coordinator, "2027-02-03 11:00");
        Add("regwait1", _coordinator, "2027-02-10 11:00");
        foreach (var (k, day, time) in new[] { (0, "03-03", "11:00"), (1, "03-10", "11:00"), (2, "03-17", "11:00"), (3, "03-24", "11:00"), (4, "03-31", "12:00") })
            Add($"appwait{k}", _coordinator, $"2027-{day} {time}");
        Add("stalled", _coordinator, "2027-02-26 09:00");
        Add("completion", _coordinator, "2027-03-16 09:00");
        return list;
    }

    /// <summary>What people do during the quarter, at the hour it happens.</summary>
    private async Task ActAsync(BotWorld host, DateTimeOffset now)
    {
        if (now == MeetingAt.AddHours(1))
        {
            // The launch meeting was held; the action list is proposed and both cities agree.
            await host.WithDbAsync(async db =>
            {
                var partnership = await ActivePartnerships.LoadAsync(db, _partnershipId);
                partnership.MarkLaunchHeld(PartnershipActor.Coordinator(ActivePartnerships.CoordinatorUserId), 1, now);
                ActivePartnerships.Agree(partnership, _kit, _hcm,
                [
                    ("Emissions inventory of industrial zones", _hcm, new DateOnly(2027, 1, 29)),
                    ("Port emissions questionnaire", _kit, new DateOnly(2027, 2, 12)),
                    ("Monitoring network review", _hcm, new DateOnly(2027, 2, 26)),
                    ("Study tour to Kitakyushu", _kit, new DateOnly(2027, 3, 12)),
                    ("Clean air action plan draft", _hcm, new DateOnly(2027, 3, 19)),
                    ("Final workshop", _kit, new DateOnly(2027, 3, 31)),
                ], new DateOnly(2027, 4, 15), now);
                await db.SaveChangesAsync();
                _activityIds = partnership.LiveActivities.ToDictionary(a => a.Id, a => a.Number);
            });
        }
        else if (now == new DateTimeOffset(2027, 1, 27, 3, 0, 0, TimeSpan.Zero))
        {
            var user = host.Chat(_hcm);
            await user.SayAsync("activity 1 done: inventory report published");
            var reply = await user.PressAsync("Yes, save");
            Assert.Contains("Saved", reply.All);
        }
        else if (now == new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero))
        {
            await host.WithDbAsync(async db =>
            {
                db.Registrations.Add(new CcapBot.Domain.Registration { Kind = RegistrationKind.JoinCity, CityId = _outsider.CityId!.Value, RepresentativeId = _outsider.RepresentativeId!.Value, Status = ReviewStatus.Submitted, SubmittedAt = now });
                await db.SaveChangesAsync();
            });
        }
        else if (now == new DateTimeOffset(2027, 2, 10, 0, 0, 0, TimeSpan.Zero))
        {
            await host.WithDbAsync(db => db.UserProfiles.Where(p => p.UserId == _la.UserId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AwayUntil, new DateOnly(2027, 2, 21))));
        }
        else if (now == new DateTimeOffset(2027, 2, 15, 10, 0, 0, TimeSpan.Zero))
        {
            await host.WithDbAsync(db => db.Registrations.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReviewStatus.Approved).SetProperty(r => r.ReviewedAt, now)));
        }
        else if (now == new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero))
        {
            await host.WithDbAsync(async db =>
            {
                db.Applications.Add(new Application { CityId = _outsider.CityId!.Value, Kind = ApplicationKind.Mentor, Categories = [ActivePartnerships.Category], PeriodStart = new DateOnly(2027, 4, 1), PeriodEnd = new DateOnly(2027, 12, 1), Status = ReviewStatus.Submitted, SubmittedByRepresentativeId = _outsider.RepresentativeId!.Value, SubmittedAt = now });
                await db.SaveChangesAsync();
            });
        }
        else if (now == new DateTimeOffset(2027, 3, 4, 3, 0, 0, TimeSpan.Zero))
        {
            var card = LastCard(_hcm, "Check-in");
            var three = _activityIds.Single(a => a.Value == 3).Key;
            var reply = await host.Chat(_hcm).PressAsync("Submit", new Dictionary<string, string> { [$"status_{three}"] = "Done" }, card);
            Assert.Contains("Saved 1 update(s)", reply.InvokeCard.Text());
        }
        else if (now == new DateTimeOffset(2027, 3, 12, 3, 0, 0, TimeSpan.Zero))
        {
            var card = LastCard(_hcm, "Coming up: activity 5");
            var reply = await host.Chat(_hcm).PressAsync("Snooze 1 week", card: card);
            Assert.Contains("Snoozed", reply.InvokeCard.Text());
        }
    }

    private async Task SetUpAsync(BotWorld host)
    {
        await host.SeedAsync(async seed =>
        {
            var hcmCity = await seed.CityAsync("Ho Chi Minh City", "VN", "Asia/Ho_Chi_Minh");
            var kitCity = await seed.CityAsync("Kitakyushu", "JP", "Asia/Tokyo");
            var bkkCity = await seed.CityAsync("Bangkok", "TH", "Asia/Bangkok");
            _hcm = await seed.TeamsRepresentativeAsync(hcmCity, "hcm", "Asia/Ho_Chi_Minh");
            _la = await seed.TeamsRepresentativeAsync(hcmCity, "la", "America/Los_Angeles");
            _kit = await seed.TeamsRepresentativeAsync(kitCity, "kit", "Asia/Tokyo", language: "vi");
            _outsider = await seed.TeamsRepresentativeAsync(bkkCity, "bkk", "Asia/Bangkok");
            _coordinator = await seed.CoordinatorAsync(ActivePartnerships.CoordinatorUserId, "Europe/Berlin");
            _stranger = Person.Teams("29:stranger") with { TimeZone = "Asia/Manila" };
            await seed.ConversationAsync(_stranger);
            // Los Angeles works 08:00–16:00 (her profile).
            var db = seed.Db;
            db.UserProfiles.Add(new UserProfile { ChannelId = "msteams", UserId = _la.UserId, DisplayName = "LA", Email = "la@example.org", Language = "en", TimeZone = "America/Los_Angeles", WorkStart = new TimeOnly(8, 0), WorkEnd = new TimeOnly(16, 0), UpdatedAt = Start });
            await db.SaveChangesAsync();

            var coordinator = PartnershipActor.Coordinator(ActivePartnerships.CoordinatorUserId);
            var partnership = Partnership.Propose("Emissions inventory of industrial zones and the port", ActivePartnerships.Category,
                new PartnershipMember(_kit.CityId!.Value), [new PartnershipMember(_hcm.CityId!.Value)], coordinator, Start);
            partnership.Confirm(coordinator, Start);
            partnership.ScheduleLaunch(coordinator, new LaunchMeetingPlan(MeetingAt, 60, "Asia/Ho_Chi_Minh", "https://teams.microsoft.com/l/meetup-join/abc"), Start);
            db.Partnerships.Add(partnership);
            await db.SaveChangesAsync();
            _partnershipId = partnership.Id;
            _meetingId = partnership.LaunchMeetings.Single().Id;
        });
    }

    /// <summary>Another instance of the bot: the same database, connector and clock.</summary>
    private async Task<BotWorld> NewHostAsync()
    {
        var host = await BotWorld.StartAsync(ActivePartnerships.Options(_clock) with { Connector = _connector, DatabaseFile = _file });
        _hosts.Add(host);
        _ = host.Bot.Services;
        return host;
    }

    /// <summary>Moves the clock to <paramref name="until"/>, stopping at every moment a message falls due, and sends it then.</summary>
    private async Task DeliverUntilAsync(List<BotWorld> hosts, DateTimeOffset until)
    {
        while (true)
        {
            var now = _clock.GetUtcNow();
            var next = await hosts[0].QueryAsync(db => db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Pending && m.DueAt > now && m.DueAt <= until).OrderBy(m => m.DueAt).Select(m => (DateTimeOffset?)m.DueAt).FirstOrDefaultAsync());
            if (next is not { } due) break;
            _clock.SetUtcNow(due);
            await RunOutboxAsync(hosts);
        }
        if (until > _clock.GetUtcNow()) _clock.SetUtcNow(until);
    }

    private static async Task RunOutboxAsync(List<BotWorld> hosts)
    {
        foreach (var host in hosts) await host.RunOutboxAsync();
    }

    private JsonObject LastCard(Person person, string containing) =>
        _connector.Calls.Where(c => c.Method == "POST" && c.Path.EndsWith(Uri.EscapeDataString(person.ConversationId) + "/activities", StringComparison.Ordinal))
            .Select(c => c.Activity.Card()).OfType<JsonObject>()
            .Last(card => card.Text().Contains(containing, StringComparison.Ordinal));

    /// <summary>Sent rows, named like <see cref="Expected"/>: kind, activity number or day, and recipient.</summary>
    private async Task<Dictionary<string, (Person To, DateTime Local, DateTimeOffset DueAt, DateTimeOffset SentAt, string Activity)>> SentAsync(BotWorld host)
    {
        var rows = await host.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Topic != null && m.Topic.StartsWith("tracking.")).ToListAsync());
        var people = new[] { _hcm, _la, _kit, _coordinator, _outsider, _stranger };
        var result = new Dictionary<string, (Person, DateTime, DateTimeOffset, DateTimeOffset, string)>();
        foreach (var row in rows)
        {
            Assert.Equal(OutboxStatus.Sent, row.Status);
            var to = people.Single(p => p.UserId == row.UserId && p.ConversationId == row.ConversationId);
            var local = TimeZoneInfo.ConvertTime(row.SentAt!.Value, TimeZoneInfo.FindSystemTimeZoneById(to.TimeZone)).DateTime;
            var id = Name(row.IdempotencyKey) + "@" + to.UserId;
            Assert.True(result.TryAdd(id, (to, local, row.DueAt, row.SentAt.Value, row.Activity)), $"{id} twice");
        }
        return result;
    }

    private string Name(string key)
    {
        var snoozed = key.StartsWith("snooze:", StringComparison.Ordinal);
        if (snoozed) key = key["snooze:".Length..];
        var parts = key.Split(':');
        string Number(string id) => _activityIds[int.Parse(id, CultureInfo.InvariantCulture)].ToString(CultureInfo.InvariantCulture);
        var name = parts[0] switch
        {
            "due7" or "due0" => $"{parts[0]}:{Number(parts[1])}",
            "overdue" => $"overdue{parts[3]}:{Number(parts[1])}",
            "checkin" => $"checkin:{parts[2][4..6]}-{parts[2][6..8]}",
            "meet-first" or "meet-last" => parts[1] == _meetingId.ToString(CultureInfo.InvariantCulture) ? parts[0] : "meeting?",
            "digest" => $"digest:{parts[1][4..6]}-{parts[1][6..8]}",
            "regwait" or "appwait" => $"{parts[0]}{parts[2]}",
            "stalled" => "stalled",
            "completion30" => "completion",
            _ => key,
        };
        return snoozed ? "snoozed-" + name : name;
    }

    private static bool Same(string body, string activity)
    {
        var sent = CardReader.Card(System.Text.Json.JsonSerializer.Deserialize(body, CcapBot.Protocol.Schema.ProtocolJsonContext.Default.Activity));
        var stored = CardReader.Card(System.Text.Json.JsonSerializer.Deserialize(activity, CcapBot.Protocol.Schema.ProtocolJsonContext.Default.Activity));
        return sent is not null && stored is not null && JsonNode.DeepEquals(sent, stored);
    }

    private bool InWorkingHours(Person person, DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(person.TimeZone)).DateTime;
        var (start, end) = person == _la ? (8, 16) : (9, 17);
        var away = person == _la && local.Date >= new DateTime(2027, 2, 10) && local.Date <= new DateTime(2027, 2, 21);
        return local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour >= start && local.Hour < end && !away;
    }
}
