import { buildKeyText } from './key-text';
import { findNotes } from './responsibility-note';

interface Read {
  lead: string[];
  support: string[];
  explicit: boolean;
  deadline: string | null;
  standalone: boolean;
}

function notesOf(line: string): Read[] {
  const key = buildKeyText(line).text;
  return findNotes(key, { start: 0, end: key.length }).map((note) => ({
    lead: note.entries
      .filter((e) => e.role === 'lead')
      .map((e) => key.slice(e.name.start, e.name.end)),
    support: note.entries
      .filter((e) => e.role === 'support')
      .map((e) => key.slice(e.name.start, e.name.end)),
    explicit: note.explicit,
    deadline: note.deadline ? key.slice(note.deadline.start, note.deadline.end) : null,
    standalone: note.standalone,
  }));
}

describe('findNotes', () => {
  it('reads 牵头 and 配合 parts, splitting 及相关部门 off', () => {
    expect(notesOf('推进产业升级。(市发展改革委、工信委牵头,市科技局及相关部门配合)')).toEqual([
      {
        lead: ['市发展改革委', '工信委'],
        support: ['市科技局', '相关部门'],
        explicit: true,
        deadline: null,
        standalone: false,
      },
    ]);
  });

  it('keeps nested parentheses inside names in a 〔〕 note', () => {
    expect(
      notesOf('加强招商。〔市投资促进局牵头,各县(市、区)政府、相关部门配合〕')[0],
    ).toMatchObject({
      lead: ['市投资促进局'],
      support: ['各县(市、区)政府', '相关部门'],
    });
  });

  it('makes the first unit of a 责任单位 list the lead', () => {
    expect(notesOf('(责任单位:北部生态新区(阳和工业新区)管委会、市投资促进局)')[0]).toMatchObject({
      lead: ['北部生态新区(阳和工业新区)管委会'],
      support: ['市投资促进局'],
      explicit: false,
      standalone: true,
    });
  });

  it('reads 等部门按职责分工负责 lists, commas included', () => {
    expect(notesOf('(兵团工信委、科技局,石河子大学等部门按职责分工负责)')[0]).toMatchObject({
      lead: ['兵团工信委'],
      support: ['科技局', '石河子大学'],
    });
  });

  it('uses a (牵头) mark inside a 责任单位 list', () => {
    expect(notesOf('(责任单位:市财政局、市教育局(牵头)、市人社局)')[0]).toMatchObject({
      lead: ['市教育局'],
      support: ['市财政局', '市人社局'],
    });
  });

  it('takes the deadline out of a note', () => {
    expect(notesOf('(责任单位:区住建局、区财政局;完成时限:2025年12月底前)')[0]).toMatchObject({
      lead: ['区住建局'],
      support: ['区财政局'],
      deadline: '2025年12月底前',
    });
  });

  it('reads label lines outside brackets', () => {
    expect(notesOf('牵头单位:市税务局、财政局;配合单位:市发展改革委')[0]).toMatchObject({
      lead: ['市税务局', '财政局'],
      support: ['市发展改革委'],
      explicit: true,
      standalone: true,
    });
    expect(notesOf('【责任单位】市教育局,各县(市、区)人民政府')[0]).toMatchObject({
      lead: ['市教育局'],
      support: ['各县(市、区)人民政府'],
    });
  });

  it('reads role words written after a 责任单位 label', () => {
    expect(notesOf('(责任单位:市发改委牵头,市财政局等配合)')[0]).toMatchObject({
      lead: ['市发改委'],
      support: ['市财政局'],
      explicit: true,
    });
    expect(notesOf('责任单位:市教育局牵头,市人社局、市财政局配合')[0]).toMatchObject({
      lead: ['市教育局'],
      support: ['市人社局', '市财政局'],
    });
  });

  it('reads the longer label spellings', () => {
    expect(
      notesOf('(牵头责任单位:市发改委;参加单位:市财政局;办结时限:2024年9月)')[0],
    ).toMatchObject({
      lead: ['市发改委'],
      support: ['市财政局'],
      deadline: '2024年9月',
    });
    expect(notesOf('(主要责任单位:市商务局、市发改委)')[0]).toMatchObject({
      lead: ['市商务局'],
      support: ['市发改委'],
    });
  });

  it('accepts a lone collective at the end of a paragraph', () => {
    expect(notesOf('建立服务机构等。(各相关行业主管部门)')[0]).toMatchObject({
      lead: ['各相关行业主管部门'],
      support: [],
    });
  });

  it('ignores parentheses that are not notes', () => {
    expect(notesOf('推广装配式钢结构(轻钢结构)、建筑信息模型(BIM)等技术。')).toEqual([]);
    expect(notesOf('按照《方案》(桂政办发〔2016〕112号)要求。')).toEqual([]);
    expect(notesOf('北部生态新区(阳和工业新区)管委会负责建设。')).toEqual([]);
  });
});
