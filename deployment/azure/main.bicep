// CcapBot on Azure: Linux App Service (.NET 10), Azure SQL, Key Vault for the secrets, a user-assigned
// managed identity, and the Azure Bot with its Teams, Direct Line and Web Chat channels.
//
//   az group create --name ccapbot --location southeastasia
//   az deployment group create --resource-group ccapbot --template-file deployment/azure/main.bicep \
//     --parameters @deployment/azure/main.parameters.json --parameters sqlAdministratorPassword=<from your password manager>
//
// Every app setting below is named exactly as the service reads it (Section__Key); deployment/README.md
// lists them all. Secrets reach the app only as Key Vault references.
targetScope = 'resourceGroup'

@description('Region for everything except the Azure Bot (which is global).')
param location string = resourceGroup().location

@description('Base of every resource name. Names that must be unique in Azure add a suffix derived from the resource group.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'ccapbot'

@description('Suffix that makes the Web App, SQL server and Key Vault names globally unique.')
param uniqueSuffix string = take(uniqueString(resourceGroup().id), 6)

param appServicePlanName string = '${namePrefix}-plan'
param webAppName string = '${namePrefix}-${uniqueSuffix}'
param identityName string = '${namePrefix}-id'
param keyVaultName string = '${namePrefix}-kv-${uniqueSuffix}'
param sqlServerName string = '${namePrefix}-sql-${uniqueSuffix}'
param sqlDatabaseName string = 'ccapbot'
param botName string = '${namePrefix}-bot-${uniqueSuffix}'

@description('App Service plan SKU. B1 runs one to three instances; P0v3 and above scale out further and support slots.')
param appServicePlanSku string = 'B1'

@description('Instances of the Web App. Every instance is stateless; the database, outbox leases and optimistic concurrency make several safe.')
@minValue(1)
param instanceCount int = 1

@description('Azure SQL database SKU.')
param sqlDatabaseSku object = {
  name: 'S0'
  tier: 'Standard'
}

@description('SQL administrator login (SQL authentication). The app connects with it through a Key Vault secret.')
param sqlAdministratorLogin string = 'ccapbot_admin'

@description('SQL administrator password. Give it at deployment time; it is stored only in the SQL server and in Key Vault.')
@secure()
@minLength(12)
param sqlAdministratorPassword string

@description('Public IP of the machine that applies deployment/sql/ccapbot.sql, allowed through the SQL firewall. Empty: none.')
param deployerIpAddress string = ''

@description('UserAssignedMSI (default: the bot authenticates as the managed identity, no secret anywhere) or SingleTenant (an Entra app registration with a client secret). Multi-tenant bots can no longer be created.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s Application (client) ID.')
param botAppId string = ''

@description('SingleTenant only: the app registration\'s client secret, stored in Key Vault.')
@secure()
param botAppPassword string = ''

@description('Azure Bot SKU. F0 is free (Teams is a standard channel; Direct Line messages are limited); S1 for production Direct Line traffic.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name shown for the bot in Azure and in the channels.')
param botDisplayName string = 'CcapBot'

var tenantId = tenant().tenantId
var useManagedIdentity = botAppType == 'UserAssignedMSI'
var effectiveBotAppId = useManagedIdentity ? identity.properties.clientId : botAppId
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // Soft delete is always on: a vault deleted with its resource group keeps its name for 30 days
    // (purge it, or pick another namePrefix, before deploying the same names again).
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

// The Web App resolves its Key Vault references as the user-assigned identity.
resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource sqlServer 'Microsoft.Sql/servers@2023-08-01' = {
  name: sqlServerName
  location: location
  properties: {
    administratorLogin: sqlAdministratorLogin
    administratorLoginPassword: sqlAdministratorPassword
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    version: '12.0'
  }
}

// 0.0.0.0 is Azure's convention for "connections from Azure services", which is how App Service reaches the server.
resource allowAzureServices 'Microsoft.Sql/servers/firewallRules@2023-08-01' = {
  parent: sqlServer
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource allowDeployer 'Microsoft.Sql/servers/firewallRules@2023-08-01' = if (!empty(deployerIpAddress)) {
  parent: sqlServer
  name: 'Deployer'
  properties: {
    startIpAddress: deployerIpAddress
    endIpAddress: deployerIpAddress
  }
}

resource database 'Microsoft.Sql/servers/databases@2023-08-01' = {
  parent: sqlServer
  name: sqlDatabaseName
  location: location
  sku: sqlDatabaseSku
  properties: {
    collation: 'SQL_Latin1_General_CP1_CI_AS'
  }
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'ccapbot-sql-connection-string'
  properties: {
    contentType: 'ADO.NET connection string (ConnectionStrings__CcapBot)'
    value: 'Server=tcp:${sqlServer.properties.fullyQualifiedDomainName},1433;Initial Catalog=${database.name};User ID=${sqlAdministratorLogin};Password=${sqlAdministratorPassword};Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!useManagedIdentity) {
  parent: keyVault
  name: 'ccapbot-bot-app-password'
  properties: {
    contentType: 'Entra client secret (Bot__AppPassword)'
    value: botAppPassword
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: appServicePlanName
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    // Instances share nothing in memory: any of them can take any request.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      // What deployment/publish.sh produces (framework-dependent, no native launcher).
      appCommandLine: 'dotnet CcapBot.dll'
      alwaysOn: true
      healthCheckPath: '/ready'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // The web chat's Direct Line stream is a WebSocket.
      webSocketsEnabled: true
      appSettings: [
        {
          name: 'ASPNETCORE_ENVIRONMENT'
          value: 'Production'
        }
        {
          name: 'Bot__AppId'
          value: effectiveBotAppId
        }
        {
          name: 'Bot__AppType'
          value: botAppType
        }
        {
          name: 'Bot__TenantId'
          value: tenantId
        }
        {
          name: 'Bot__ManagedIdentityClientId'
          value: useManagedIdentity ? identity.properties.clientId : ''
        }
        {
          name: 'Bot__AppPassword'
          value: useManagedIdentity ? '' : '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=ccapbot-bot-app-password)'
        }
        {
          name: 'Database__Provider'
          value: 'SqlServer'
        }
        {
          // The deployment applies deployment/sql/ccapbot.sql; an instance never migrates on its own.
          name: 'Database__MigrateOnStartup'
          value: 'false'
        }
        {
          name: 'ConnectionStrings__CcapBot'
          value: '@Microsoft.KeyVault(SecretUri=${connectionStringSecret.properties.secretUri})'
        }
      ]
    }
  }
  dependsOn: [
    identityReadsSecrets
    botPasswordSecret
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: effectiveBotAppId
    msaAppType: botAppType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: useManagedIdentity ? identity.id : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
        }
      ]
    }
  }
}

resource webChatChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

@description('The messaging endpoint registered on the Azure Bot.')
output botEndpoint string = bot.properties.endpoint

@description('Bot:AppId: give it to deployment/teams/package.sh.')
output botAppId string = effectiveBotAppId

@description('Host name of the Web App: the second argument of deployment/teams/package.sh.')
output webAppHostName string = site.properties.defaultHostName

output webAppName string = site.name
output sqlServerFqdn string = sqlServer.properties.fullyQualifiedDomainName
output sqlDatabaseName string = database.name
output keyVaultName string = keyVault.name
