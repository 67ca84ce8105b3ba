// The timeline: a histogram of events per day (per week over long spans) that you brush with
// the pointer to pick a date range; the date inputs next to it do the same from the keyboard.
// A few background events years before the rest ("in 2014") would squeeze the period the
// reports are about into a sliver, so the timeline focuses on the main cluster of dates and
// counts the others at its edges; a button shows every year (and focuses again).

import { clear } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;

const MAIN_SHARE = 0.8; // the focus period is the shortest one holding this share of events
const SQUEEZE = 3; // ... worth it when all dates span this many times as long
const MARGIN = 0.15; // and shown with this much of its length (at least 3 days) either side

const toTime = (iso) => Date.parse(`${iso}T00:00:00Z`);
const toISO = (time) => new Date(time).toISOString().slice(0, 10);

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

// [first, last] times of the shortest period holding most events, when all the dates span
// much longer (a few background dates years away); null when there is nothing to focus on.
export function focusPeriod(sortedTimes) {
  const n = sortedTimes.length;
  const k = Math.ceil(MAIN_SHARE * n);
  if (n < 5 || k >= n) return null;
  let best = 0;
  for (let i = 1; i + k - 1 < n; i += 1) {
    if (sortedTimes[i + k - 1] - sortedTimes[i] < sortedTimes[best + k - 1] - sortedTimes[best]) {
      best = i;
    }
  }
  const [lo, hi] = [sortedTimes[best], sortedTimes[best + k - 1]];
  const whole = sortedTimes[n - 1] - sortedTimes[0];
  if (whole < SQUEEZE * (hi - lo + DAY)) return null;
  const margin = Math.max(3 * DAY, Math.round((MARGIN * (hi - lo)) / DAY) * DAY);
  return [Math.max(sortedTimes[0], lo - margin), Math.min(sortedTimes[n - 1], hi + margin)];
}

export class Timeline {
  // onRange([since, until] | null) is called when the user picks or clears a range;
  // `extentButton` toggles between the focus period and every date.
  constructor(element, onRange, extentButton = null) {
    this.svg = element;
    this.onRange = onRange;
    this.dates = [];
    this.range = null;
    this.drag = null;
    this.showAll = false;
    this.button = extentButton;
    if (extentButton) extentButton.addEventListener("click", () => this.toggleExtent());
    element.addEventListener("pointerdown", (e) => this.start(e));
    element.addEventListener("pointermove", (e) => this.move(e));
    element.addEventListener("pointerup", (e) => this.end(e));
    new ResizeObserver(() => this.draw()).observe(element);
  }

  // `dates`: one ISO date per event; `range`: the selected [since, until] or null.
  update(dates, range) {
    this.dates = dates;
    this.range = range;
    this.draw();
  }

  toggleExtent() {
    this.showAll = !this.showAll;
    this.draw();
  }

  layout() {
    const times = this.dates.map(toTime).sort((a, b) => a - b);
    if (!times.length) return null;
    const focus = focusPeriod(times);
    let [first, last] = focus && !this.showAll ? focus : [times[0], times.at(-1)];
    if (this.range) { // a picked range always shows, even outside the focus period
      first = Math.min(first, toTime(this.range[0]));
      last = Math.max(last, toTime(this.range[1]));
    }
    const days = Math.round((last - first) / DAY) + 1;
    const step = days > 400 ? 7 : 1; // days per bar
    const bars = Math.ceil(days / step);
    const counts = new Array(bars).fill(0);
    let before = 0;
    let after = 0;
    for (const t of times) {
      if (t < first) before += 1;
      else if (t > last) after += 1;
      else counts[Math.floor(Math.round((t - first) / DAY) / step)] += 1;
    }
    const box = this.svg.getBoundingClientRect();
    return { first, step, bars, counts, before, after, focused: Boolean(focus),
      width: box.width, height: box.height, pad: 18 };
  }

  xOf(layout, time) {
    const span = layout.bars * layout.step * DAY;
    return ((time - layout.first) / span) * layout.width;
  }

  timeOf(layout, x) {
    const span = layout.bars * layout.step * DAY;
    const clamped = Math.max(0, Math.min(layout.width - 1, x));
    return layout.first + Math.floor((clamped / layout.width) * span / DAY) * DAY;
  }

  draw() {
    clear(this.svg);
    const layout = this.layout();
    this.current = layout;
    if (!layout || !layout.width) return;
    const { bars, counts, width, height, pad, step, first } = layout;
    const top = Math.max(...counts, 1);
    const barWidth = width / bars;
    const chart = height - pad;
    if (this.range) {
      const x0 = this.xOf(layout, toTime(this.range[0]));
      const x1 = this.xOf(layout, toTime(this.range[1]) + DAY);
      this.svg.append(svg("rect", { x: x0, y: 0, width: Math.max(2, x1 - x0), height: chart,
        class: "brush" }));
    }
    counts.forEach((count, i) => {
      if (!count) return;
      const start = first + i * step * DAY;
      const inside = !this.range || (toISO(start) <= this.range[1]
        && toISO(start + (step - 1) * DAY) >= this.range[0]);
      const barHeight = Math.max(2, (count / top) * (chart - 4));
      const bar = svg("rect", { x: i * barWidth + 0.5, y: chart - barHeight,
        width: Math.max(1, barWidth - 1), height: barHeight,
        class: inside ? "bar" : "bar out" });
      const title = svg("title", {});
      title.textContent = `${toISO(start)}${step > 1 ? " week" : ""}: ${count} event(s)`;
      bar.append(title);
      this.svg.append(bar);
    });
    // Tick labels: about one per 110 px, at day boundaries.
    const ticks = Math.max(2, Math.floor(width / 110));
    for (let i = 0; i <= ticks; i += 1) {
      const x = (i / ticks) * (width - 1);
      const label = svg("text", { x, y: height - 4, class: "tick",
        "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" });
      label.textContent = toISO(this.timeOf(layout, x));
      this.svg.append(label);
    }
    this.drawOutside(layout);
    const outside = layout.before + layout.after;
    this.svg.setAttribute("aria-label", `Events per ${step > 1 ? "week" : "day"}, `
      + `${toISO(first)} to ${toISO(first + (bars * step - 1) * DAY)}`
      + (outside ? `; ${outside} event(s) outside this period` : ""));
  }

  // Counts of the events before and after the period shown, and the extent button's label.
  drawOutside(layout) {
    const notes = [[layout.before, `◀ ${layout.before} earlier`, 2, "start"],
      [layout.after, `${layout.after} later ▶`, layout.width - 2, "end"]];
    for (const [count, text, x, anchor] of notes) {
      if (!count) continue;
      const label = svg("text", { x, y: 12, class: "outside", "text-anchor": anchor });
      label.textContent = text;
      this.svg.append(label);
    }
    if (this.button) {
      this.button.hidden = !layout.focused;
      this.button.textContent = this.showAll ? "Main period" : "All years";
      this.button.setAttribute("aria-pressed", String(this.showAll));
    }
  }

  point(e) {
    return e.clientX - this.svg.getBoundingClientRect().left;
  }

  start(e) {
    if (!this.current) return;
    this.svg.setPointerCapture(e.pointerId);
    this.drag = { from: this.point(e) };
  }

  rangeBetween(x0, x1) {
    const a = this.timeOf(this.current, Math.min(x0, x1));
    const b = this.timeOf(this.current, Math.max(x0, x1));
    return [toISO(a), toISO(b)];
  }

  move(e) {
    if (!this.drag) return;
    this.range = this.rangeBetween(this.drag.from, this.point(e));
    this.draw();
  }

  end(e) {
    if (!this.drag) return;
    const { from } = this.drag;
    this.drag = null;
    if (Math.abs(this.point(e) - from) > 3) {
      this.range = this.rangeBetween(from, this.point(e));
    } else {
      // A click without a drag picks the bar under the pointer.
      const time = this.timeOf(this.current, this.point(e));
      this.range = [toISO(time), toISO(time + (this.current.step - 1) * DAY)];
    }
    this.draw();
    this.onRange(this.range);
  }
}
