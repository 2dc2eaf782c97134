// The fixed part of the backstop script: checks, helpers and the rollback recorder, the same in every
// script generated. Only the data section (./script.ts) changes with the policy. Plain PowerShell 5.1
// (Windows PowerShell) and 7, no backticks, so it reads the same wherever it is pasted.
//
// Facts it rests on (MicrosoftDocs/office-docs-powershell, exchange/exchange-ps/ExchangePowerShell/):
// - Get-ConnectionInformation (module 3.0 or later) lists the REST sessions; State, IsEopSession.
// - Get-Recipient / Get-TransportRule: "a non-existent value for the Identity parameter returns *all*
//   objects", so every lookup is filtered again by name or address and must find exactly one.
// - Set-DistributionGroup needs -BypassSecurityGroupManagerCheck from anyone not in ManagedBy.
// - Set-UnifiedGroup has no BypassModerationFromSendersOrMembers.
// - A MailTip is stored wrapped in <html><body>...</body></html>.

/** The opening checks, shared by the script and the rollback it records. */
export const SESSION_CHECK = String.raw`Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$DryRun = -not $Apply

if (-not (Get-Command -Name 'Get-ConnectionInformation' -ErrorAction SilentlyContinue)) {
    throw 'Exchange Online PowerShell is not loaded: install the ExchangeOnlineManagement module (3.0 or later), then run Connect-ExchangeOnline.'
}
$ReachGuardSession = @(Get-ConnectionInformation | Where-Object { $_.State -eq 'Connected' -and -not $_.IsEopSession })
if ($ReachGuardSession.Count -eq 0) {
    throw 'There is no Exchange Online session in this window: run Connect-ExchangeOnline, then this script again.'
}
Write-Host ('Exchange Online: connected as {0}' -f $ReachGuardSession[0].UserPrincipalName)
if ($DryRun) { Write-Host 'Dry run: every change is shown with -WhatIf and nothing is changed. Run with -Apply to make the changes.' }`;

export const HELPERS = String.raw`$ReachGuardCmdlets = @{
    distribution = @{ Get = 'Get-DistributionGroup'; Set = 'Set-DistributionGroup' }
    security     = @{ Get = 'Get-DistributionGroup'; Set = 'Set-DistributionGroup' }
    dynamic      = @{ Get = 'Get-DynamicDistributionGroup'; Set = 'Set-DynamicDistributionGroup' }
    m365         = @{ Get = 'Get-UnifiedGroup'; Set = 'Set-UnifiedGroup' }
}
$script:ReachGuardChanges = 0
$ReachGuardRollbackPath = Join-Path -Path $PSScriptRoot -ChildPath ('reach-guard-rollback-{0}.ps1' -f [DateTime]::UtcNow.ToString('yyyyMMdd-HHmmss-fff'))

# A value as PowerShell source, for the rollback: single-quoted with every single quote doubled
# (U+0027 and U+2018 to U+201B, which PowerShell also reads as single quotes), arrays as @(...).
function ConvertTo-ReachGuardLiteral {
    param($Value)
    if ($null -eq $Value) { return '$null' }
    if ($Value -is [bool]) { if ($Value) { return '$true' } else { return '$false' } }
    if ($Value -is [int] -or $Value -is [long]) { return [string]$Value }
    if ($Value -is [System.Collections.IEnumerable] -and $Value -isnot [string]) {
        $items = @(foreach ($item in $Value) { if ($null -ne $item) { ConvertTo-ReachGuardLiteral ([string]$item) } })
        if ($items.Count -eq 0) { return '$null' }
        return '@(' + ($items -join ', ') + ')'
    }
    return "'" + (([string]$Value) -replace '[''\u2018-\u201B]', '$0$0') + "'"
}

function Format-ReachGuardParameters {
    param($Parameters)
    $text = ''
    foreach ($name in $Parameters.Keys) { $text += ' -' + $name + ' ' + (ConvertTo-ReachGuardLiteral $Parameters[$name]) }
    return $text
}

# Writes one line of the rollback before the change it undoes is made, so that a run stopped
# half-way still leaves a rollback for what it did. A dry run records nothing.
function Add-ReachGuardRollback {
    param([string]$Line)
    $script:ReachGuardChanges++
    if ($DryRun) { Write-Verbose ('rollback would record: ' + $Line); return }
    $utf8 = New-Object System.Text.UTF8Encoding($true)
    if (-not (Test-Path -LiteralPath $ReachGuardRollbackPath)) {
        [System.IO.File]::WriteAllText($ReachGuardRollbackPath, $ReachGuardRollbackHeader + [Environment]::NewLine, $utf8)
        Write-Host ('Recording the values replaced in {0}' -f $ReachGuardRollbackPath)
    }
    [System.IO.File]::AppendAllText($ReachGuardRollbackPath, $Line + [Environment]::NewLine, $utf8)
}

# The one recipient an identity names, or $null (none, or more than one).
function Resolve-ReachGuardRecipient {
    param([string]$Identity)
    if ([string]::IsNullOrEmpty($Identity)) { return $null }
    try { $found = @(Get-Recipient -Identity $Identity -ErrorAction Stop) } catch { return $null }
    $smtp = 'smtp:' + $Identity
    $found = @($found | Where-Object {
            [string]$_.Name -eq $Identity -or [string]$_.Identity -eq $Identity -or
            [string]$_.PrimarySmtpAddress -eq $Identity -or @($_.EmailAddresses | ForEach-Object { [string]$_ }) -contains $smtp
        })
    if ($found.Count -ne 1) { return $null }
    return $found[0]
}

# Senders as their primary SMTP addresses, lower case, sorted, so two lists compare as sets.
function Resolve-ReachGuardSenders {
    param($Entries)
    $addresses = foreach ($entry in @($Entries)) {
        if ($null -eq $entry -or [string]$entry -eq '') { continue }
        $recipient = Resolve-ReachGuardRecipient ([string]$entry)
        if ($null -eq $recipient) { ([string]$entry).ToLowerInvariant() } else { ([string]$recipient.PrimarySmtpAddress).ToLowerInvariant() }
    }
    return @($addresses | Sort-Object -Unique)
}

function Test-ReachGuardSame {
    param($Current, $Wanted)
    $a = @(@($Current) | Where-Object { $null -ne $_ -and [string]$_ -ne '' } | ForEach-Object { ([string]$_).ToLowerInvariant() } | Sort-Object -Unique)
    $b = @(@($Wanted) | Where-Object { $null -ne $_ -and [string]$_ -ne '' } | ForEach-Object { ([string]$_).ToLowerInvariant() } | Sort-Object -Unique)
    return ($a -join [char]10) -ceq ($b -join [char]10)
}

function ConvertFrom-ReachGuardMailTip {
    param($Html)
    if ($null -eq $Html -or [string]$Html -eq '') { return '' }
    $text = ([string]$Html) -replace '^\s*<html>\s*<body>', '' -replace '</body>\s*</html>\s*$', ''
    return [System.Net.WebUtility]::HtmlDecode($text)
}

# Every sender a list may need must exist before anything is changed.
function Resolve-ReachGuardRequired {
    param([string[]]$Addresses, [string]$Role)
    return @(foreach ($address in $Addresses) {
            $recipient = Resolve-ReachGuardRecipient $address
            if ($null -eq $recipient) { throw ('{0} {1} is not one recipient of this organisation: nothing was changed.' -f $Role, $address) }
            ([string]$recipient.PrimarySmtpAddress).ToLowerInvariant()
        })
}

# Distribution and security groups, dynamic lists and Microsoft 365 groups, by Get-Recipient's
# RecipientTypeDetails, for a blocked address the catalogue did not know.
function Get-ReachGuardKind {
    param([string]$Address)
    $recipient = Resolve-ReachGuardRecipient $Address
    if ($null -eq $recipient) { Write-Warning ('{0}: not found in Exchange Online; left alone' -f $Address); return $null }
    switch ([string]$recipient.RecipientTypeDetails) {
        'MailUniversalDistributionGroup' { return 'distribution' }
        'MailNonUniversalGroup' { return 'distribution' }
        'RoomList' { return 'distribution' }
        'MailUniversalSecurityGroup' { return 'security' }
        'DynamicDistributionGroup' { return 'dynamic' }
        'GroupMailbox' { return 'm365' }
    }
    Write-Warning ('{0}: a {1}, not a list; left alone' -f $Address, $recipient.RecipientTypeDetails)
    return $null
}

function Set-ReachGuardList {
    param([string]$Address, [string]$Kind, [string]$MailTip)
    if ($Kind -eq '') { $Kind = Get-ReachGuardKind $Address }
    if ($null -eq $Kind -or $Kind -eq '') { return }
    $cmdlets = $ReachGuardCmdlets[$Kind]
    $smtp = 'smtp:' + $Address
    try { $found = @(& $cmdlets.Get -Identity $Address -ErrorAction Stop) } catch { $found = @() }
    $found = @($found | Where-Object { [string]$_.PrimarySmtpAddress -eq $Address -or @($_.EmailAddresses | ForEach-Object { [string]$_ }) -contains $smtp })
    if ($found.Count -ne 1) { Write-Warning ('{0}: no {1} list has this address; left alone' -f $Address, $Kind); return }
    $list = $found[0]
    $changes = [ordered]@{}
    $previous = [ordered]@{}
    if ($Moderate) {
        if ($list.ModerationEnabled -ne $true) { $changes.ModerationEnabled = $true; $previous.ModerationEnabled = [bool]$list.ModerationEnabled }
        $current = @(Resolve-ReachGuardSenders $list.ModeratedBy)
        if (-not (Test-ReachGuardSame $current $Moderators)) { $changes.ModeratedBy = $Moderators; $previous.ModeratedBy = $current }
        if ($Kind -eq 'm365') {
            Write-Warning ('{0}: Set-UnifiedGroup cannot let broadcasters past moderation; their messages are held too' -f $Address)
        } else {
            $current = @(Resolve-ReachGuardSenders $list.BypassModerationFromSendersOrMembers)
            if (-not (Test-ReachGuardSame $current $Broadcasters)) {
                $changes.BypassModerationFromSendersOrMembers = $(if ($Broadcasters.Count -gt 0) { $Broadcasters } else { $null })
                $previous.BypassModerationFromSendersOrMembers = $current
            }
        }
    } else {
        $current = @(Resolve-ReachGuardSenders $list.AcceptMessagesOnlyFromSendersOrMembers)
        if (-not (Test-ReachGuardSame $current $Broadcasters)) {
            $changes.AcceptMessagesOnlyFromSendersOrMembers = $Broadcasters
            $previous.AcceptMessagesOnlyFromSendersOrMembers = $current
        }
    }
    $currentTip = ConvertFrom-ReachGuardMailTip $list.MailTip
    if ($currentTip -cne $MailTip) { $changes.MailTip = $MailTip; $previous.MailTip = $(if ($currentTip -eq '') { $null } else { $currentTip }) }
    if ($changes.Count -eq 0) { Write-Host ('{0}: already as the policy wants' -f $Address); return }
    $switches = @{}
    $switchText = ''
    if ($Kind -eq 'distribution' -or $Kind -eq 'security') { $switches.BypassSecurityGroupManagerCheck = $true; $switchText = ' -BypassSecurityGroupManagerCheck' }
    Add-ReachGuardRollback ($cmdlets.Set + ' -Identity ' + (ConvertTo-ReachGuardLiteral $Address) + (Format-ReachGuardParameters $previous) + $switchText + ' -WhatIf:$DryRun')
    & $cmdlets.Set -Identity $Address @changes @switches -WhatIf:$DryRun
}

function Set-ReachGuardTransportConfig {
    param($Wanted)
    $config = Get-TransportConfig
    $changes = [ordered]@{}
    $previous = [ordered]@{}
    foreach ($name in $Wanted.Keys) {
        if ([string]$config.$name -ne [string]$Wanted[$name]) { $changes[$name] = $Wanted[$name]; $previous[$name] = $config.$name }
    }
    if ($changes.Count -eq 0) { Write-Host 'Reply-all storm protection: already as the policy wants'; return }
    Add-ReachGuardRollback ('Set-TransportConfig' + (Format-ReachGuardParameters $previous) + ' -WhatIf:$DryRun')
    Set-TransportConfig @changes -WhatIf:$DryRun
}

# Mail-flow rules are found by name; one this script creates is removed by the rollback.
function Set-ReachGuardRule {
    param([string]$Name, $Wanted)
    $rules = @(Get-TransportRule | Where-Object { [string]$_.Name -eq $Name })
    if ($rules.Count -eq 0) {
        Add-ReachGuardRollback ('Remove-TransportRule -Identity ' + (ConvertTo-ReachGuardLiteral $Name) + ' -Confirm:$false -WhatIf:$DryRun')
        New-TransportRule -Name $Name @Wanted -WhatIf:$DryRun
        return
    }
    $changes = [ordered]@{}
    $previous = [ordered]@{}
    foreach ($key in $Wanted.Keys) {
        $current = $rules[0].$key
        if ($key -eq 'GenerateIncidentReport') { $current = @(Resolve-ReachGuardSenders $current) }
        if (-not (Test-ReachGuardSame $current $Wanted[$key])) { $changes[$key] = $Wanted[$key]; $previous[$key] = $current }
    }
    if ($changes.Count -eq 0) { Write-Host ('{0}: already as the policy wants' -f $Name); return }
    Add-ReachGuardRollback ('Set-TransportRule -Identity ' + (ConvertTo-ReachGuardLiteral $Name) + (Format-ReachGuardParameters $previous) + ' -WhatIf:$DryRun')
    Set-TransportRule -Identity $Name @changes -WhatIf:$DryRun
}`;

export const SUMMARY = String.raw`if ($script:ReachGuardChanges -eq 0) {
    Write-Host 'Nothing to change: Exchange Online already matches the policy.'
} elseif ($DryRun) {
    Write-Host ('{0} change(s) shown above with -WhatIf; nothing was changed. Run again with -Apply to make them.' -f $script:ReachGuardChanges)
} else {
    Write-Host ('{0} change(s) made. To undo them: {1} -Apply' -f $script:ReachGuardChanges, $ReachGuardRollbackPath)
}`;

/** The start of every rollback the script records: the same checks, then one line per change. */
export const ROLLBACK_HEADER = `# Reach Guard: the rollback of one run of the Exchange backstop script. It puts back the values
# that run replaced and removes the mail-flow rules it created. Run it once as it is to see the
# changes (-WhatIf), then with -Apply.
[CmdletBinding()]
param([switch]$Apply)

${SESSION_CHECK}
`;
