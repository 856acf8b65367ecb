using System.Globalization;
using CcapBot.Domain;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Features.Registration;

/// <summary>
/// Journey (b), in Teams with signed activities (the bot configured with an app id, every Microsoft endpoint a local
/// fake): a Kitakyushu representative registers in English, a coordinator approves from the review card, the
/// representative is told and files a mentor offer; "my status" shows where it stands.
/// </summary>
public sealed class KitakyushuJourneyTests : IAsyncLifetime
{
    private BotWorld _teams = null!;

    public async ValueTask InitializeAsync() => _teams = await BotWorld.StartAsync(new() { TeamsTokens = true, Coordinators = [People.CoordinatorAad] });

    public ValueTask DisposeAsync() => _teams.DisposeAsync();

    [Fact]
    public async Task Kitakyushu_RegistersInEnglish_IsApproved_AndOffersToMentor_AllSigned()
    {
        var ct = TestContext.Current.CancellationToken;
        var coordinator = _teams.Coordinator("Asia/Bangkok");
        await coordinator.SayAsync("hi");
        var sato = _teams.Teams(People.KitakyushuId, "Sato Hiroshi", People.KitakyushuAad, localTimezone: "Asia/Tokyo");

        var r = await sato.SayAsync("register");
        Assert.Contains("Which country is your city in?", r.All, StringComparison.Ordinal);
        r = await sato.SayAsync("Japan");
        r = await sato.SayAsync("Kitakyushu");
        r = await sato.SayAsync("Fukuoka Prefecture");
        Assert.Contains("Which time zone is the city in?", r.All, StringComparison.Ordinal);
        Assert.Contains("Asia/Tokyo", r.All, StringComparison.Ordinal); // suggested from the Teams client
        r = await sato.SayAsync("yes");
        r = await sato.SayAsync("940,000");
        r = await sato.SayAsync("Environment Bureau, City of Kitakyushu");
        Assert.Contains("What is your full name?", r.All, StringComparison.Ordinal);
        r = await sato.PressAsync("Keep Sato Hiroshi"); // prefilled from Teams
        r = await sato.SayAsync("Director, Environmental Policy");
        r = await sato.SayAsync("sato-h@city.kitakyushu.lg.jp");
        r = await sato.SayAsync("skip");
        r = await sato.SayAsync("Tanaka Yuki");
        r = await sato.SayAsync("tanaka-y@city.kitakyushu.lg.jp");
        r = await sato.SayAsync("Japanese, English");
        r = await sato.PressAsync("Mentor city");
        r = await sato.SayAsync("1, 2, 3, 4, 5");
        r = await sato.PressAsync("Yes");
        Assert.Contains("Please check your answers.", r.All, StringComparison.Ordinal);
        Assert.Contains("Kitakyushu", r.All, StringComparison.Ordinal);
        r = await sato.PressAsync("Confirm", card: r.Cards.Last());
        Assert.Contains("✔ Saved", r.InvokeCard.Text(), StringComparison.Ordinal); // the summary card, closed in place
        Assert.Contains("Thank you! The registration of Kitakyushu was sent to the CCAP coordinators for review.", r.All, StringComparison.Ordinal);

        var city = await _teams.QueryAsync(db => db.Cities.SingleAsync(ct));
        Assert.Equal(("Kitakyushu", "JP", "Fukuoka Prefecture", "Asia/Tokyo", 940_000, CityRole.Mentor, CityStatus.Pending),
            (city.Name, city.CountryCode, city.Region, city.TimeZone, city.Population ?? 0, city.RoleInterest, city.Status));
        Assert.Equal(AqmCapacities.All.Order(), city.AqmCapacity.Order());
        var identity = await _teams.QueryAsync(db => db.RepresentativeIdentities.SingleAsync(ct));
        Assert.Equal(("msteams", People.KitakyushuId, People.KitakyushuAad), (identity.ChannelId, identity.UserId, identity.AadObjectId));

        // The review card reaches the coordinator through the outbox, sent with the bot's own token.
        var reviewCall = (await coordinator.WaitForAsync(1, filter: c => c.HasCardWith("New city registration")))[0];
        Assert.StartsWith("Bearer ", reviewCall.Authorization, StringComparison.Ordinal);
        var review = reviewCall.Card();
        Assert.Contains("New city registration: Kitakyushu, Japan", review.Text(), StringComparison.Ordinal);
        Assert.Contains("Environment Bureau, City of Kitakyushu", review.Text(), StringComparison.Ordinal);
        Assert.Contains("Mentor city", review.Text(), StringComparison.Ordinal);

        var approved = await coordinator.PressAsync("Approve", card: review);
        Assert.Contains("✔ Approved by Lan Coordinator", approved.InvokeCard.Text(), StringComparison.Ordinal);
        Assert.Equal(CityStatus.Approved, (await _teams.QueryAsync(db => db.Cities.SingleAsync(ct))).Status);

        // Told in Teams, in English, with buttons for what comes next.
        var outcome = CardReader.Card((await sato.WaitForAsync(1, filter: c => c.HasCardWith("Registration approved")))[0]);
        Assert.Contains("Welcome to CCAP! The registration of Kitakyushu was approved by Lan Coordinator.", outcome.Text(), StringComparison.Ordinal);
        Assert.Equal(["dialog.command", "dialog.command", "dialog.command"], outcome.Verbs());

        // The mentor offer.
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        var end = start.AddMonths(17);
        r = await sato.PressAsync("Offer to mentor", card: outcome);
        Assert.Contains("C3 application", r.All, StringComparison.Ordinal);
        r = await sato.PressAsync("Mentor offer");
        Assert.Contains("Which areas is this about?", r.All, StringComparison.Ordinal);
        r = await sato.SayAsync("Reducing emissions from port operations, Developing an emissions inventory");
        Assert.Contains("Port emissions inventory by sector", r.All, StringComparison.Ordinal);
        r = await sato.SayAsync("1, 2, 3");
        r = await sato.SayAsync("skip");
        r = await sato.SayAsync(start.ToString("MM/yyyy", CultureInfo.InvariantCulture));
        r = await sato.SayAsync(end.ToString("MM/yyyy", CultureInfo.InvariantCulture));
        r = await sato.SayAsync("teleconferences, study tours");
        Assert.Contains("staff hours", r.All, StringComparison.Ordinal); // no contributions question for a mentor offer
        r = await sato.SayAsync("30");
        Assert.Contains("How many learning cities could the city mentor at the same time?", r.All, StringComparison.Ordinal);
        r = await sato.SayAsync("2");
        r = await sato.SayAsync("skip");
        Assert.Contains("Please check your answers.", r.All, StringComparison.Ordinal);
        r = await sato.PressAsync("Confirm", card: r.Cards.Last());
        Assert.Contains("Thank you! The mentor offer of Kitakyushu (no. 1) was sent to the coordinators for review.", r.All, StringComparison.Ordinal);

        var offer = await _teams.QueryAsync(db => db.Applications.SingleAsync(ct));
        Assert.Equal((ApplicationKind.Mentor, ReviewStatus.Submitted, 2, 30), (offer.Kind, offer.Status, offer.Capacity ?? 0, offer.StaffHoursPerMonth ?? 0));
        Assert.Equal(["emissions-inventory", "port-operations"], offer.Categories.Order());
        Assert.Equal([301, 302, 303], offer.SpecificActions.Order());
        Assert.Equal(["teleconference", "study-tour"], offer.WaysOfWorking);
        Assert.Empty(offer.Contributions);
        Assert.Equal((new DateOnly(start.Year, start.Month, 1), new DateOnly(end.Year, end.Month, 1)), (offer.PeriodStart, offer.PeriodEnd));

        var offerReview = CardReader.Card((await coordinator.WaitForAsync(1, filter: c => c.HasCardWith("C3 mentor offer")))[0]);
        Assert.Contains("C3 mentor offer: Kitakyushu, Japan", offerReview.Text(), StringComparison.Ordinal);
        Assert.Contains("Capacity", offerReview.Text(), StringComparison.Ordinal);

        // "My status": the city, its registration and the offer, in English.
        r = await sato.SayAsync("my status");
        var status = CardReader.Text(Assert.Single(r.Cards));
        Assert.Contains("Representative of Kitakyushu", status, StringComparison.Ordinal);
        Assert.Contains("City registration approved by Lan Coordinator", status, StringComparison.Ordinal);
        Assert.Contains("No. 1: mentor offer", status, StringComparison.Ordinal);
        Assert.Contains("waiting for review", status, StringComparison.Ordinal);
        Assert.Contains(People.KitakyushuAad, status, StringComparison.Ordinal);
        Assert.Contains("Withdraw an application", status, StringComparison.Ordinal);
    }
}
