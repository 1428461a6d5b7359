#!/usr/bin/env bash
# A large real WordPress WXR export, for the importer's benchmarks: a Debian WordPress (shared/tools/wordpress-peer.sh:
# nginx + php-fpm + MariaDB on loopback, the seed op-ed + 200 synthetic posts) gets N more synthetic posts through
# WordPress's own PHP API (wp_insert_post from PHP CLI, in batches), then WordPress's exporter (export_wp) writes
# target/wordpress-wxr-N.xml.  Prints the timings, the file's size and its post count.
#
# Usage: bench/wordpress-wxr.sh [N]            (root; N defaults to $N or 10000)
# Env:   N, BATCH (1000 posts per PHP process), PEER_PORT (8095), PEER_ROOT (/tmp/peer-$PEER_PORT),
#        PEER_DBPORT ($PEER_PORT - 4778), PEER_SCRIPT (../shared/tools/wordpress-peer.sh beside the repo),
#        FRESH=1 restarts the peer from an empty database even if it is running, KEEP=1 leaves it running.
#
# The posts: titles « Tribune synthétique n° K (données de test) », 3 to 5 paragraphs of made-up French words, one
# category out of 5, 2 tags out of 12, signed by one of 20 synthetic users (auteur-synthetique-01 … -20), dated
# 2010-01-04 … 2015-09-30.  Deterministic: post K is the same on every run.  Each carries the meta
# _tribunes_bench_k = K, and a rerun inserts only the K that are missing, so nothing is duplicated.
# Idempotent: a peer already running (e.g. KEEP=1 last time) is reused as it is, and left running; a peer started
# here is stopped at the end unless KEEP=1.  wordpress-peer.sh start recreates the database from scratch.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
N=${1:-${N:-10000}}
BATCH=${BATCH:-1000}
export PEER_PORT=${PEER_PORT:-8095}
export PEER_ROOT=${PEER_ROOT:-/tmp/peer-$PEER_PORT}
export PEER_DBPORT=${PEER_DBPORT:-$((PEER_PORT - 4778))}
export PEER_SEED=${PEER_SEED:-$REPO/seeds/000_bb788d72f0dce2da.txt}
PEER_SCRIPT=${PEER_SCRIPT:-$(cd "$REPO/.." && pwd)/shared/tools/wordpress-peer.sh}
OUT=$REPO/target/wordpress-wxr-$N.xml

log() { printf '[wordpress-wxr.sh] %s\n' "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
[[ $N =~ ^[0-9]+$ ]] || die "N must be a number, got '$N'"
[[ $BATCH =~ ^[1-9][0-9]*$ ]] || die "BATCH must be a positive number"
[[ $(id -u) == 0 ]] || die "run as root (wordpress-peer.sh installs packages and runs nginx/php-fpm/mariadbd)"
[[ -r $PEER_SCRIPT ]] || die "wordpress-peer.sh not found at $PEER_SCRIPT (set PEER_SCRIPT)"
command -v xmllint >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libxml2-utils >&2

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
WORK=$(mktemp -d /tmp/wordpress-wxr.XXXXXX)
STARTED=0
cleanup() {
  local rc=$?
  if ((STARTED)) && [[ ${KEEP:-0} != 1 ]]; then bash "$PEER_SCRIPT" stop || true
  elif ((STARTED)); then log "KEEP=1: peer left running on http://127.0.0.1:$PEER_PORT"; fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT

# ---------------------------------------------------------------- peer
t0=$(now)
running=$(bash "$PEER_SCRIPT" status 2>/dev/null | grep -c ' running' || true)
if [[ ${FRESH:-0} != 1 && $running == 3 && -s $PEER_ROOT/etc/site.env ]]; then
  log "reusing the peer running on 127.0.0.1:$PEER_PORT ($PEER_ROOT)"
else
  log "starting the WordPress peer on 127.0.0.1:$PEER_PORT ($PEER_ROOT)"
  STARTED=1
  bash "$PEER_SCRIPT" start >/dev/null 2>"$WORK/peer.log" || { cat "$WORK/peer.log" >&2; die "wordpress-peer.sh start"; }
fi
t1=$(now)

# ---------------------------------------------------------------- PHP: insert posts K in [FROM, TO]
cat >"$WORK/insert.php" <<'PHP'
<?php
// usage: php insert.php PEER_ETC FROM TO  -> inserts the synthetic bench posts FROM..TO that are not there yet
[$_, $etc, $from, $to] = $argv; $from = (int) $from; $to = (int) $to;
require $etc . '/wp-cli-env.php';
define('WP_IMPORTING', true);        // as importers do: no pings/enclosures scheduled on publish
require '/usr/share/wordpress/wp-load.php';
global $wpdb;
kses_remove_filters();
wp_suspend_cache_invalidation(true);
wp_defer_term_counting(true);
wp_defer_comment_counting(true);

// 20 synthetic authors, 5 categories, 12 tags (created once)
$authors = [];
for ($a = 1; $a <= 20; $a++) {
  $login = sprintf('auteur-synthetique-%02d', $a);
  $u = get_user_by('login', $login);
  $authors[] = $u ? $u->ID : wp_insert_user([
    'user_login' => $login, 'user_nicename' => $login, 'user_pass' => wp_generate_password(24),
    'user_email' => "$login@example.invalid", 'display_name' => sprintf('Auteur synthétique %02d', $a),
    'first_name' => 'Auteur', 'last_name' => sprintf('Synthétique %02d', $a), 'role' => 'author',
  ]);
}
foreach ($authors as $id) if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
$cats = [];
foreach (['Cloud', 'Cybersécurité', 'Données', 'Industrie', 'Politique numérique'] as $c) {
  $t = term_exists($c, 'category') ?: wp_insert_term($c, 'category');
  if (is_wp_error($t)) { fwrite(STDERR, $t->get_error_message() . "\n"); exit(1); }
  $cats[] = (int) $t['term_id'];
}
$tags = ['cloud souverain', 'cybersécurité', 'cyberdéfense', 'PME', 'souveraineté', 'hébergement', 'données personnelles',
         'commande publique', 'start-up', 'Europe', 'open source', 'formation'];

$have = array_flip($wpdb->get_col($wpdb->prepare(
  "SELECT CAST(meta_value AS UNSIGNED) FROM $wpdb->postmeta WHERE meta_key = '_tribunes_bench_k' AND CAST(meta_value AS UNSIGNED) BETWEEN %d AND %d",
  $from, $to)));

$words = explode(' ', 'le la les un une des du de et en dans pour par sur avec sans sous entre vers chez '
 . 'donc ainsi aussi toujours jamais souvent encore déjà bien très plus moins certes pourtant néanmoins '
 . 'entreprise marché service données réseau sécurité infrastructure stratégie projet politique secteur '
 . 'innovation croissance investissement acteur client offre solution hébergement souveraineté numérique '
 . 'transformation gouvernance risque menace protection confiance performance développement territoire '
 . 'public privé national européen français industriel technique commercial durable pertinent essentiel '
 . 'construire proposer développer garantir renforcer accompagner maîtriser choisir financer soutenir '
 . 'temps année moment raison question réponse exemple modèle besoin capacité ressource talent équipe');
function sentence($words) {
  $n = mt_rand(9, 22); $w = [];
  for ($i = 0; $i < $n; $i++) $w[] = $words[mt_rand(0, count($words) - 1)];
  $s = implode(' ', $w);
  return mb_strtoupper(mb_substr($s, 0, 1)) . mb_substr($s, 1) . (mt_rand(0, 9) ? '.' : "\u{00A0}?");
}
$start = strtotime('2010-01-04 08:00:00'); $span = strtotime('2015-09-30 18:00:00') - $start;
$made = 0; $inTx = false;
for ($k = $from; $k <= $to; $k++) {
  if (isset($have[$k])) continue;
  mt_srand(20151027 + $k);             // post K is the same whatever the batch boundaries
  $paras = []; $np = mt_rand(3, 5);
  for ($p = 0; $p < $np; $p++) {
    $s = []; $ns = mt_rand(2, 5);
    for ($j = 0; $j < $ns; $j++) $s[] = sentence($words);
    $paras[] = "<!-- wp:paragraph -->\n<p>" . esc_html(implode(' ', $s)) . "</p>\n<!-- /wp:paragraph -->";
  }
  $t1 = mt_rand(0, 11); $t2 = ($t1 + mt_rand(1, 11)) % 12;
  if (!$inTx) { $wpdb->query('START TRANSACTION'); $inTx = true; }
  $id = wp_insert_post([
    'post_title' => "Tribune synthétique n° $k (données de test)", 'post_content' => implode("\n\n", $paras),
    'post_status' => 'publish', 'post_type' => 'post', 'post_author' => $authors[($k - 1) % 20],
    'post_date' => date('Y-m-d H:i:s', $start + (int) ($span * (($k * 7919) % 100003) / 100003)),
    'post_category' => [$cats[$k % 5]], 'tags_input' => [$tags[$t1], $tags[$t2]], 'comment_status' => 'open',
    'meta_input' => ['_tribunes_bench_k' => $k],
  ], true);
  if (is_wp_error($id)) { $wpdb->query('ROLLBACK'); fwrite(STDERR, "post $k: " . $id->get_error_message() . "\n"); exit(1); }
  $made++;
  if ($made % 250 === 0) { $wpdb->query('COMMIT'); $inTx = false; wp_cache_flush(); }
}
if ($inTx) $wpdb->query('COMMIT');
wp_defer_term_counting(false);       // recounts the terms touched
wp_defer_comment_counting(false);
echo "$made\n";
PHP

cat >"$WORK/export.php" <<'PHP'
<?php
// usage: php export.php PEER_ETC OUT  -> export_wp(content=all) streamed into OUT
[$_, $etc, $out] = $argv;
require $etc . '/wp-cli-env.php';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
do_all_pings();                      // what WP-Cron does after publishing (the peer's own 201 posts carry _pingme)
$fh = fopen($out, 'wb') or exit(1);
ob_start(function ($buf) use ($fh) { fwrite($fh, $buf); return ''; }, 1 << 20);
export_wp(['content' => 'all']);
ob_end_flush();
fclose($fh);
PHP

# ---------------------------------------------------------------- insert
log "inserting up to $N synthetic posts, $BATCH per PHP process"
made=0
for ((from = 1; from <= N; from += BATCH)); do
  to=$((from + BATCH - 1)); ((to > N)) && to=$N
  m=$(php "$WORK/insert.php" "$PEER_ROOT/etc" "$from" "$to") || die "insert $from..$to"
  made=$((made + m))
done
t2=$(now)
log "inserted $made new posts ($((N - made)) were already there) in $(secs "$t1" "$t2") s"

# ---------------------------------------------------------------- export
mkdir -p "$(dirname "$OUT")"
php "$WORK/export.php" "$PEER_ROOT/etc" "$OUT.tmp" || die "export_wp"
t3=$(now)
xmllint --noout --huge "$OUT.tmp" || die "$OUT is not well-formed XML"
mv -f "$OUT.tmp" "$OUT"
posts=$(grep -c '<wp:post_type><!\[CDATA\[post\]\]></wp:post_type>' "$OUT" || true)
bench=$(grep -c '<title><!\[CDATA\[Tribune synthétique n° [0-9]* (données de test)\]\]></title>' "$OUT" || true)
[[ $bench == "$N" ]] || die "expected $N bench posts in the export, found $bench (a larger N inserted earlier on a kept peer?)"
size=$(stat -c %s "$OUT")
printf 'file        %s\n' "$OUT"
printf 'size        %d bytes (%.1f MiB)\n' "$size" "$(awk -v s="$size" 'BEGIN{print s/1048576}')"
printf 'posts       %d (%d bench + %d from the peer: the seed op-ed and its 200 synthetic posts)\n' "$posts" "$bench" $((posts - bench))
printf 'time        peer %s s, insert %s s (%d new), export %s s, total %s s\n' \
  "$(secs "$t0" "$t1")" "$(secs "$t1" "$t2")" "$made" "$(secs "$t2" "$t3")" "$(secs "$t0" "$(now)")"
