using CcapBot.Domain;
using CcapBot.Persistence;
using CcapBot.Tests.Features.Registration;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CcapBot.Tests.Features.Status;

public sealed class MyStatusTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private readonly CcapBotFactory _bot = new CcapBotFactory().With("Coordinators:Identities:0", People.CoordinatorAad);

    public async ValueTask InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var entry in _bot.Logs.Entries) TestContext.Current.TestOutputHelper?.WriteLine(entry.ToString());
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SomeoneNotRegistered_IsOfferedToRegister_InTheirLanguage()
    {
        var chat = People.Teams(_bot, _connector, "29:newcomer", Guid.NewGuid().ToString(), "Newcomer", locale: "vi-VN");

        var r = await chat.SayAsync("tinh trang cua toi");

        var card = r.Cards.Last(); // after the welcome card: this is the first message

        Assert.Contains("Bạn chưa đăng ký thành phố nào.", People.Text(card), StringComparison.Ordinal);
        var register = Assert.Single(BotConversation.Actions(card));
        Assert.Equal(("Đăng ký thành phố", "dialog.command", "register"), ((string?)register["title"], (string?)register["verb"], (string?)register["data"]?["command"]));
        r = await chat.PressAsync("Đăng ký thành phố", card: card);
        Assert.Contains("Thành phố của bạn thuộc quốc gia nào?", r.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepresentative_SeesTheCitysPartnerships_AndACoordinator_WhatWaits()
    {
        var lan = People.Teams(_bot, _connector, People.CoordinatorId, People.CoordinatorAad, "Lan Coordinator");
        await lan.SayAsync("hi");
        var hoa = People.Teams(_bot, _connector, "29:haiphong", Guid.NewGuid().ToString(), "Hoa");
        await People.RegisterAsync(hoa, "Viet Nam", "Haiphong", "hoa@haiphong.gov.vn");
        await lan.PressAsync("Approve", card: await People.OutboxCardAsync(_connector, lan, "New city registration: Haiphong"));
        var sato = People.Teams(_bot, _connector, "29:kitakyushu", Guid.NewGuid().ToString(), "Sato");
        await People.RegisterAsync(sato, "Japan", "Kitakyushu", "sato@city.kitakyushu.lg.jp");
        await lan.PressAsync("Approve", card: await People.OutboxCardAsync(_connector, lan, "New city registration: Kitakyushu"));
        await People.ApplyAsync(hoa);

        // A partnership made by the matching feature (its own branch): here straight through the domain.
        await using (var scope = _bot.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
            var cities = await db.Cities.ToDictionaryAsync(c => c.Name, c => c.Id, Ct);
            var application = await db.Applications.SingleAsync(Ct);
            var partnership = Partnership.Propose("Emissions inventory of the port", "emissions-inventory", new PartnershipMember(cities["Kitakyushu"]),
                [new PartnershipMember(cities["Haiphong"], application.Id)], PartnershipActor.Coordinator(People.CoordinatorAad), DateTimeOffset.UtcNow);
            partnership.Confirm(PartnershipActor.Coordinator(People.CoordinatorAad), DateTimeOffset.UtcNow);
            db.Partnerships.Add(partnership);
            await db.SaveChangesAsync(Ct);
        }

        var mine = People.Text(Assert.Single((await hoa.SayAsync("my status")).Cards));
        Assert.Contains("Partnerships", mine, StringComparison.Ordinal);
        Assert.Contains("No. 1: Developing an emissions inventory", mine, StringComparison.Ordinal);
        Assert.Contains("confirmed · Kitakyushu (mentor)", mine, StringComparison.Ordinal);
        Assert.Contains("No. 1: learning request", mine, StringComparison.Ordinal);
        // An application a partnership was made from cannot be withdrawn.
        Assert.Contains("Your city has no open application to withdraw.", (await hoa.SayAsync("withdraw")).All, StringComparison.Ordinal);

        // (Review cards the outbox delivered meanwhile arrive in the same chat.)
        var coordinator = People.Text((await lan.SayAsync("status")).Cards.Last(c => People.Text(c).Contains("My status", StringComparison.Ordinal)));
        Assert.Contains("Coordinator (Clean Air Asia)", coordinator, StringComparison.Ordinal);
        Assert.Contains("0 registration(s), 1 application(s)", coordinator, StringComparison.Ordinal);
        Assert.Contains("Show waiting reviews", coordinator, StringComparison.Ordinal);
    }
}
