/**
 * Small name and place tables for synthetic members (the generator does not need faker, so it also runs
 * under Jest's CommonJS transform, where the ESM-only faker 10 cannot be required). Emails use the reserved
 * `example.*` domains; phone numbers use the 555 exchange.
 */

export const FEMALE_FIRST_NAMES: readonly string[] = [
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
  'Lisa', 'Nancy', 'Betty', 'Sandra', 'Margaret', 'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle',
  'Carol', 'Amanda', 'Melissa', 'Deborah', 'Stephanie', 'Dorothy', 'Rebecca', 'Sharon', 'Laura', 'Cynthia',
  'Amy', 'Kathleen', 'Angela', 'Shirley', 'Brenda', 'Emma', 'Anna', 'Pamela', 'Nicole', 'Samantha',
  'Katherine', 'Christine', 'Helen', 'Debra', 'Rachel', 'Carolyn', 'Janet', 'Maria', 'Olivia', 'Heather',
  'Diane', 'Julie', 'Joyce', 'Victoria', 'Ruth', 'Virginia', 'Lauren', 'Kelly', 'Christina', 'Joan',
  'Evelyn', 'Judith', 'Andrea', 'Hannah', 'Megan', 'Cheryl', 'Jacqueline', 'Martha', 'Madison', 'Teresa',
  'Gloria', 'Sara', 'Janice', 'Ann', 'Kathryn', 'Abigail', 'Sophia', 'Frances', 'Jean', 'Alice',
  'Judy', 'Isabella', 'Julia', 'Grace', 'Amber', 'Denise', 'Danielle', 'Marilyn', 'Beverly', 'Charlotte',
  'Natalie', 'Theresa', 'Diana', 'Brittany', 'Doris', 'Kayla', 'Alexis', 'Lori', 'Ava', 'Mia',
];

export const MALE_FIRST_NAMES: readonly string[] = [
  'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Christopher',
  'Charles', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Andrew', 'Paul', 'Joshua',
  'Kenneth', 'Kevin', 'Brian', 'George', 'Timothy', 'Ronald', 'Jason', 'Edward', 'Jeffrey', 'Ryan',
  'Jacob', 'Gary', 'Nicholas', 'Eric', 'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon',
  'Benjamin', 'Samuel', 'Gregory', 'Alexander', 'Patrick', 'Frank', 'Raymond', 'Jack', 'Dennis', 'Jerry',
  'Tyler', 'Aaron', 'Jose', 'Adam', 'Nathan', 'Henry', 'Zachary', 'Douglas', 'Peter', 'Kyle',
  'Noah', 'Ethan', 'Jeremy', 'Walter', 'Christian', 'Keith', 'Roger', 'Terry', 'Austin', 'Sean',
  'Gerald', 'Carl', 'Harold', 'Dylan', 'Arthur', 'Lawrence', 'Jordan', 'Jesse', 'Bryan', 'Billy',
  'Bruce', 'Gabriel', 'Joe', 'Logan', 'Alan', 'Juan', 'Albert', 'Willie', 'Elijah', 'Wayne',
  'Randy', 'Vincent', 'Mason', 'Roy', 'Ralph', 'Bobby', 'Russell', 'Bradley', 'Philip', 'Eugene',
];

export const HISPANIC_FEMALE_FIRST_NAMES: readonly string[] = [
  'María', 'Guadalupe', 'Rosa', 'Ana', 'Carmen', 'Lucía', 'Sofía', 'Valentina', 'Isabel', 'Elena',
  'Gabriela', 'Adriana', 'Alejandra', 'Daniela', 'Mariana', 'Verónica', 'Yolanda', 'Leticia', 'Camila', 'Ximena',
];

export const HISPANIC_MALE_FIRST_NAMES: readonly string[] = [
  'José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Francisco', 'Alejandro', 'Javier', 'Ricardo',
  'Fernando', 'Eduardo', 'Roberto', 'Mateo', 'Santiago', 'Diego', 'Andrés', 'Raúl', 'Héctor', 'Manuel',
];

export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
  'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams',
  'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans',
  'Edwards', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Peterson', 'Cooper',
  'Reed', 'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson',
  'Brooks', 'Bennett', 'Gray', 'James', 'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Ross',
  'Foster', 'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Fisher', 'Nguyen', 'Kim', 'Patel',
  'Chen', 'Wang', 'Singh', 'Tran', 'Park', 'Shah', "O'Brien", 'Murray', 'Ford', 'Hamilton',
  'Graham', 'Wallace', 'Woods', 'Cole', 'West', 'Jordan', 'Owens', 'Reynolds', 'Ellis', 'Harrison',
];

export const HISPANIC_LAST_NAMES: readonly string[] = [
  'Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres',
  'Flores', 'Rivera', 'Gomez', 'Diaz', 'Cruz', 'Morales', 'Reyes', 'Gutierrez', 'Ortiz', 'Ramos',
  'Castillo', 'Jimenez', 'Vasquez', 'Romero', 'Herrera', 'Medina', 'Aguilar', 'Vargas', 'Mendoza', 'Ruiz',
];

/** [city, state, ZIP prefix (3 digits), area code]. */
export const PLACES: readonly (readonly [string, string, string, string])[] = [
  ['Springfield', 'IL', '627', '217'],
  ['Columbus', 'OH', '432', '614'],
  ['Dayton', 'OH', '454', '937'],
  ['Indianapolis', 'IN', '462', '317'],
  ['Louisville', 'KY', '402', '502'],
  ['Nashville', 'TN', '372', '615'],
  ['Memphis', 'TN', '381', '901'],
  ['Atlanta', 'GA', '303', '404'],
  ['Charlotte', 'NC', '282', '704'],
  ['Raleigh', 'NC', '276', '919'],
  ['Richmond', 'VA', '232', '804'],
  ['Pittsburgh', 'PA', '152', '412'],
  ['Philadelphia', 'PA', '191', '215'],
  ['Newark', 'NJ', '071', '973'],
  ['Hartford', 'CT', '061', '860'],
  ['Worcester', 'MA', '016', '508'],
  ['Albany', 'NY', '122', '518'],
  ['Rochester', 'NY', '146', '585'],
  ['Detroit', 'MI', '482', '313'],
  ['Grand Rapids', 'MI', '495', '616'],
  ['Milwaukee', 'WI', '532', '414'],
  ['Minneapolis', 'MN', '554', '612'],
  ['Des Moines', 'IA', '503', '515'],
  ['Kansas City', 'MO', '641', '816'],
  ['St. Louis', 'MO', '631', '314'],
  ['Omaha', 'NE', '681', '402'],
  ['Tulsa', 'OK', '741', '918'],
  ['Dallas', 'TX', '752', '214'],
  ['Houston', 'TX', '770', '713'],
  ['San Antonio', 'TX', '782', '210'],
  ['El Paso', 'TX', '799', '915'],
  ['Albuquerque', 'NM', '871', '505'],
  ['Phoenix', 'AZ', '850', '602'],
  ['Tucson', 'AZ', '857', '520'],
  ['Denver', 'CO', '802', '303'],
  ['Salt Lake City', 'UT', '841', '801'],
  ['Fresno', 'CA', '937', '559'],
  ['San Diego', 'CA', '921', '619'],
  ['Sacramento', 'CA', '958', '916'],
  ['Miami', 'FL', '331', '305'],
  ['Orlando', 'FL', '328', '407'],
  ['Tampa', 'FL', '336', '813'],
];

export const STREET_NAMES: readonly string[] = [
  'Maple', 'Oak', 'Pine', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Main',
  'Church', 'Walnut', 'Spring', 'Highland', 'Sunset', 'Lincoln', 'Jackson', 'Franklin', 'Willow', 'Ridge',
  'Meadow', 'River', 'Chestnut', 'Jefferson', 'Madison', 'Forest', 'Hickory', 'Birch', 'Valley', 'Center',
];
export const STREET_SUFFIXES: readonly string[] = ['St', 'Ave', 'Rd', 'Dr', 'Ln', 'Ct', 'Blvd', 'Way', 'Pl'];
export const EMAIL_DOMAINS: readonly string[] = ['example.com', 'example.org', 'example.net'];

/** Words for practice and facility names. */
export const PLACE_WORDS: readonly string[] = [
  'Riverside', 'Lakeside', 'Northside', 'Summit', 'Heritage', 'Pinecrest', 'Fairview', 'Westbrook', 'Oakwood',
  'Cedar Valley', 'Maple Grove', 'Bayview', 'Greenfield', 'Hillcrest', 'Brookside', 'Stonebridge', 'Clearwater',
  'Eastgate', 'Willow Creek', 'Sunrise', 'Harbor', 'Prairie', 'Meadowbrook', 'Silver Lake', 'Parkview',
];
