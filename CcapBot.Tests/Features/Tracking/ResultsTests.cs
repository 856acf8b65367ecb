using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CcapBot.Domain;
using CcapBot.Features.Results;
using CcapBot.Persistence;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>Results and lessons learned, their export for the knowledge platform, extension, and a new area.</summary>
public sealed class ResultsTests : IAsyncLifetime
{
    private const string CoordinatorKey = "k3y-for-the-knowledge-platform-0123456789";
    private const string FormerCoordinatorKey = "k3y-of-someone-no-longer-coordinating-987";
    private readonly StatusUpdateWorld _world = new();

    public async ValueTask InitializeAsync()
    {
        _world.Configure = bot => bot
            .With("ResultsExport:Keys:0:Identity", ActivePartnerships.CoordinatorUserId)
            .With("ResultsExport:Keys:0:Sha256", Hash(CoordinatorKey))
            .With("ResultsExport:Keys:1:Identity", "29:former-coordinator")
            .With("ResultsExport:Keys:1:Sha256", Hash(FormerCoordinatorKey))
            .With("ResultsExport:PublicBaseUrl", "https://bot.example.org/");
        await _world.InitializeAsync();
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task RecordResults_InChat_StoresTheCitysResults_ForItsFinishedPartnership()
    {
        await CompleteAsync(_world.PartnershipId);
        var user = await _world.ConversationAsync(_world.Hcm);

        await user.SayAsync("record results");
        await user.SayAsync("An emissions inventory of the three industrial zones, published by DONRE.");
        await user.SayAsync("Start the questionnaire early; port operators answer slowly.");
        await user.SayAsync("https://example.org/interview.mp4 https://example.org/inventory.pdf");
        var summary = await user.SayAsync("yes");
        Assert.Contains("https://example.org/inventory.pdf", summary.All, StringComparison.Ordinal);
        var done = await user.SayAsync("yes");

        Assert.Contains("saved, and CCAP may publish them", done.All, StringComparison.Ordinal);
        var result = await _world.Bot.QueryAsync(db => db.PartnershipResults.SingleAsync());
        Assert.Equal((_world.PartnershipId, _world.Hcm.CityId!.Value, true), (result.PartnershipId, result.CityId, result.ConsentToPublish));
        Assert.Equal(["https://example.org/interview.mp4", "https://example.org/inventory.pdf"], result.Links);
        Assert.Equal("Start the questionnaire early; port operators answer slowly.", result.Lessons);
    }

    [Fact]
    public async Task RecordResults_BeforeThePartnershipIsOver_StoresNothing()
    {
        var user = await _world.ConversationAsync(_world.Hcm);
        await user.SayAsync("results");
        await user.SayAsync("Too early");
        await user.SayAsync("skip");
        await user.SayAsync("skip");
        await user.SayAsync("no");
        var done = await user.SayAsync("yes");

        Assert.Contains("no finished partnership", done.All, StringComparison.Ordinal);
        Assert.Equal(0, await _world.Bot.QueryAsync(db => db.PartnershipResults.CountAsync()));
    }

    [Fact]
    public async Task Export_HasOnlyConsentedResults_AsJsonAndCsv_ForCoordinators()
    {
        await SeedResultsAsync();
        using var http = _world.Bot.Client();

        var json = await GetAsync(http, "json", CoordinatorKey);
        var csv = await GetAsync(http, "csv", CoordinatorKey);

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var results = JsonNode.Parse(await json.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray();
        Assert.Equal(["Ho Chi Minh City"], results.Select(r => (string?)r!["city"]));
        Assert.Equal("Inventory done, shared with Da Nang", (string?)results[0]!["summary"]);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("partnershipId,area,mentorCity,learningCities,city,", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"Inventory done, shared with Da Nang\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK(\"\"x\"\")", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Kitakyushu lessons", await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-key", HttpStatusCode.Unauthorized)]
    [InlineData(FormerCoordinatorKey, HttpStatusCode.Forbidden)]
    public async Task Export_IsRefused_WithoutACoordinatorsKey(string? key, HttpStatusCode expected)
    {
        await SeedResultsAsync();
        using var http = _world.Bot.Client();

        var response = await GetAsync(http, "json", key);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("Inventory done", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        if (expected == HttpStatusCode.Unauthorized) Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OfAnUnknownFormat_IsABadRequest()
    {
        using var http = _world.Bot.Client();
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(http, "xml", CoordinatorKey)).StatusCode);
    }

    [Fact]
    public async Task ExportCommand_GivesCoordinatorsShortLivedLinks_AndRefusesOthers()
    {
        await SeedResultsAsync();
        var coordinator = await _world.ConversationAsync(Person.Teams(ActivePartnerships.CoordinatorUserId) with { TimeZone = "Europe/Berlin" });
        var reply = await coordinator.SayAsync("export results");
        Assert.Contains("1 of 3 recorded results may be published", reply.All, StringComparison.Ordinal);
        var links = coordinator.LastCard!.Actions().Where(a => (string?)a["type"] == "Action.OpenUrl").Select(a => new Uri((string)a["url"]!)).ToList();
        Assert.Equal(["json", "csv"], links.Select(l => l.Query.Split('&')[0]["?format=".Length..]));
        Assert.All(links, l => Assert.Equal("bot.example.org", l.Host));

        using var http = _world.Bot.Client();
        var download = await http.GetAsync(links[0].PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("Inventory done", await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        // A link is short-lived, and tampering makes it worthless.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(links[0].PathAndQuery.Replace("token=", "token=x", StringComparison.Ordinal), TestContext.Current.CancellationToken)).StatusCode);
        _world.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(links[0].PathAndQuery, TestContext.Current.CancellationToken)).StatusCode);

        var representative = await _world.ConversationAsync(_world.Hcm);
        Assert.Contains("Only coordinators can export results", (await representative.SayAsync("export results")).All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extension_ProposedByOneCity_AgreedByTheOther_PutsTheNewListInForce()
    {
        var user = await _world.ConversationAsync(_world.Hcm);
        await user.SayAsync("extend");
        await user.SayAsync("2027-09-30");
        await user.SayAsync("Second traffic count");
        await user.SayAsync("2027-08-31");
        var proposed = await user.SayAsync("yes");
        Assert.Contains("The other cities are asked to agree", proposed.All, StringComparison.Ordinal);

        var row = await _world.Bot.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.IdempotencyKey.StartsWith("extension:")));
        Assert.Equal("29:kit", row.UserId);
        var card = CardReader.Card(System.Text.Json.JsonSerializer.Deserialize(row.Activity, CcapBot.Protocol.Schema.ProtocolJsonContext.Default.Activity))!;
        Assert.True(card.Text().Contains("Second traffic count", StringComparison.Ordinal), card.ToJsonString());
        var kit = _world.Bot.Teams("29:kit");
        var agreed = await kit.PressAsync("Agree", card: card);

        Assert.Contains("the partnership now runs until", agreed.InvokeCard.Text(), StringComparison.Ordinal);
        var partnership = await _world.Bot.QueryAsync(db => ActivePartnerships.LoadAsync(db, _world.PartnershipId));
        Assert.Equal((PartnershipStatus.Active, new DateOnly(2027, 9, 30), 7), (partnership.Status, partnership.CompletionDate, partnership.LiveActivities.Count()));
        Assert.Equal(_world.Hcm.CityId, partnership.FindActivity(7)!.OwnerCityId);
    }

    [Fact]
    public async Task NewArea_ShowsWhatANewApplicationStartsFrom()
    {
        await _world.Bot.WithDbAsync(async db =>
        {
            var application = new Application
            {
                CityId = _world.Hcm.CityId!.Value, Kind = ApplicationKind.Learning, Categories = [ActivePartnerships.Category, "bike-sharing"],
                WaysOfWorking = [WaysOfWorking.Webinar], PeriodStart = new DateOnly(2027, 1, 1), PeriodEnd = new DateOnly(2027, 12, 1),
                Status = ReviewStatus.Approved, SubmittedByRepresentativeId = _world.Hcm.RepresentativeId!.Value, SubmittedAt = StatusUpdateWorld.Now,
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            await db.PartnershipCities.Where(c => c.PartnershipId == _world.PartnershipId && c.CityId == application.CityId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ApplicationId, application.Id));
        });

        var prefill = await _world.Bot.QueryAsync(db => NewArea.PrefillAsync(db, _world.Hcm.CityId!.Value, new DateOnly(2027, 3, 1), TestContext.Current.CancellationToken));
        var reply = await (await _world.ConversationAsync(_world.Hcm)).SayAsync("new area");

        Assert.NotNull(prefill);
        Assert.Equal((ApplicationKind.Learning, new DateOnly(2027, 4, 1)), (prefill.Kind, prefill.PeriodStart));
        Assert.Equal(["bike-sharing"], prefill.Categories);
        Assert.Contains("Public bike-sharing", reply.All, StringComparison.OrdinalIgnoreCase);
    }

    private async Task CompleteAsync(int partnershipId) => await _world.Bot.WithDbAsync(async db =>
    {
        var partnership = await ActivePartnerships.LoadAsync(db, partnershipId);
        var coordinator = PartnershipActor.Coordinator(ActivePartnerships.CoordinatorUserId);
        foreach (var activity in partnership.LiveActivities.ToList()) partnership.UpdateActivity(coordinator, activity.Number, ActivityStatus.Done, null, "msteams", StatusUpdateWorld.Now);
        partnership.Complete(coordinator, StatusUpdateWorld.Now);
        await db.SaveChangesAsync();
    });

    /// <summary>Ho Chi Minh City consents to publish, Kitakyushu does not; Da Nang's results belong to another partnership, without consent.</summary>
    private async Task SeedResultsAsync()
    {
        await CompleteAsync(_world.PartnershipId);
        await _world.Bot.WithDbAsync(async db =>
        {
            var partnership = await ActivePartnerships.LoadAsync(db, _world.PartnershipId);
            var kit = await db.Representatives.SingleAsync(r => r.Name == "Rep kit");
            db.PartnershipResults.Add(PartnershipResult.Record(partnership, ActivePartnerships.Actor(_world.Hcm),
                new ResultDraft("Inventory done, shared with Da Nang", "=HYPERLINK(\"x\")", ["https://example.org/a.pdf"], true), StatusUpdateWorld.Now));
            db.PartnershipResults.Add(PartnershipResult.Record(partnership, PartnershipActor.ForRepresentative(kit, "29:kit"),
                new ResultDraft("Kitakyushu results", "Kitakyushu lessons", [], false), StatusUpdateWorld.Now));
            var other = await db.Partnerships.WithAggregate().FirstAsync(p => p.Id != _world.PartnershipId && p.Id != _world.BangkokPartnershipId);
            var coordinator = PartnershipActor.Coordinator(ActivePartnerships.CoordinatorUserId);
            foreach (var activity in other.LiveActivities.ToList()) other.UpdateActivity(coordinator, activity.Number, ActivityStatus.Done, null, "msteams", StatusUpdateWorld.Now);
            db.PartnershipResults.Add(PartnershipResult.Record(other, ActivePartnerships.Actor(_world.DaNang), new ResultDraft("Da Nang results", null, [], false), StatusUpdateWorld.Now));
            await db.SaveChangesAsync();
        });
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string format, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ResultsExportEndpoint.Path}?format={format}");
        if (key is not null) request.Headers.Add(ResultsExportEndpoint.ApiKeyHeader, key);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
